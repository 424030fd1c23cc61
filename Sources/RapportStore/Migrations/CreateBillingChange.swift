import FluentKit

/// Accounts moved from annual to monthly billing, and the monthly invoices that re-bill them.
struct CreateBillingChange: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("billing_changes")
            .externalID()
            .reference("account_id", to: "accounts")
            .reference("invoice_id", to: "invoices")
            .required("effective_on", .string)
            .required("recorded_on", .string)
            .required("amount_minor", .int64)
            .required("currency", .string)
            .reference("credit_memo_id", to: "credit_memos")
            .create()
        try await database.createIndex("billing_changes_effective", on: "billing_changes", "effective_on")
        try await database.schema("billing_change_invoices")
            .autoID()
            .reference("billing_change_id", to: "billing_changes")
            .required("seq", .int)
            .reference("invoice_id", to: "invoices")
            .unique(on: "billing_change_id", "seq")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("billing_change_invoices").delete()
        try await database.schema("billing_changes").delete()
    }
}
