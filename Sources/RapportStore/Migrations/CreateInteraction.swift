import FluentKit

/// Touches with customers: calls, emails, letters, visits.
struct CreateInteraction: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("interactions")
            .externalID()
            .reference("account_id", to: "accounts")
            .optionalReference("invoice_id", to: "invoices")
            .required("occurred_on", .string)
            .required("channel", .string)
            .required("purpose", .string)
            .required("outcome", .string)
            .required("by_user", .string)
            .required("notes", .string)
            .create()
        try await database.createIndex("interactions_account", on: "interactions", "account_id", "occurred_on")
    }

    func revert(on database: any Database) async throws {
        try await database.schema("interactions").delete()
    }
}
