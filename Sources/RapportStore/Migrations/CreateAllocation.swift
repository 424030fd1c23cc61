import FluentKit

/// Allocations of a payment, credit memo or deposit (exactly one is set) to an invoice on a day.
struct CreateAllocation: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("allocations")
            .autoID()
            .reference("invoice_id", to: "invoices")
            .optionalReference("payment_id", to: "payments")
            .optionalReference("credit_memo_id", to: "credit_memos")
            .optionalReference("deposit_id", to: "deposits")
            .required("amount_minor", .int64)
            .required("currency", .string)
            .required("allocated_on", .string)
            .create()
        try await database.createIndex("allocations_invoice", on: "allocations", "invoice_id", "allocated_on")
        try await database.createIndex("allocations_payment", on: "allocations", "payment_id")
        try await database.createIndex("allocations_credit_memo", on: "allocations", "credit_memo_id")
        try await database.createIndex("allocations_deposit", on: "allocations", "deposit_id")
        try await database.createIndex("allocations_day", on: "allocations", "allocated_on")
    }

    func revert(on database: any Database) async throws {
        try await database.schema("allocations").delete()
    }
}
