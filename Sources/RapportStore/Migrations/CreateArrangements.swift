import FluentKit

/// Promises to pay, and payment arrangements with their installments.
struct CreateArrangements: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("promises_to_pay")
            .externalID()
            .reference("account_id", to: "accounts")
            .optionalReference("invoice_id", to: "invoices")
            .required("amount_minor", .int64)
            .required("currency", .string)
            .required("made_on", .string)
            .required("promised_for", .string)
            .create()
        try await database.createIndex("promises_account", on: "promises_to_pay", "account_id")
        try await database.schema("payment_arrangements")
            .externalID()
            .reference("account_id", to: "accounts")
            .required("agreed_on", .string)
            .create()
        try await database.schema("arrangement_installments")
            .autoID()
            .reference("arrangement_id", to: "payment_arrangements")
            .required("seq", .int)
            .required("due_on", .string)
            .required("amount_minor", .int64)
            .required("currency", .string)
            .unique(on: "arrangement_id", "seq")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("arrangement_installments").delete()
        try await database.schema("payment_arrangements").delete()
        try await database.schema("promises_to_pay").delete()
    }
}
