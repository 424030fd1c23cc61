import FluentKit

/// Allocations of a payment, credit memo or deposit (exactly one is set) to an invoice on a day.
/// The invoice's due and collection-start days and the credit's own day are copied in (they never
/// change), so metrics read one narrow index instead of joining three tables.
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
            .required("invoice_due", .string)
            .required("invoice_collection_start", .string)
            .required("credit_day", .string)
            .create()
        try await database.createIndex("allocations_invoice", on: "allocations", "invoice_id", "allocated_on")
        try await database.createIndex("allocations_payment", on: "allocations", "payment_id")
        try await database.createIndex("allocations_credit_memo", on: "allocations", "credit_memo_id")
        try await database.createIndex("allocations_deposit", on: "allocations", "deposit_id")
        // Covering indexes for metrics: money applied, summed by the invoice's due and collection-start
        // days (settlements) or by the day the credit arrived (applications), read in index order.
        try await database.createIndex(
            "allocations_settled", on: "allocations",
            "currency", "invoice_due", "invoice_collection_start", "allocated_on", "amount_minor")
        try await database.createIndex(
            "allocations_applied", on: "allocations", "currency", "credit_day", "allocated_on", "amount_minor")
    }

    func revert(on database: any Database) async throws {
        try await database.schema("allocations").delete()
    }
}
