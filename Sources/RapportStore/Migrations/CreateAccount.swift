import FluentKit

/// Accounts (customers), keyed by the billing system's account id; children point at their parent.
struct CreateAccount: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("accounts")
            .externalID()
            .required("name", .string)
            .required("segment", .string)
            .optionalReference("parent_id", to: "accounts")
            .required("billing_frequency", .string)
            .required("due_days", .int)
            .required("collection_start_days", .int)
            .field("specialist", .string)
            .field("salesperson", .string)
            .field("service_manager", .string)
            .required("flags", .string)
            .field("opened_on", .string)
            .create()
        try await database.createIndex("accounts_parent", on: "accounts", "parent_id")
        try await database.createIndex("accounts_specialist", on: "accounts", "specialist")
    }

    func revert(on database: any Database) async throws {
        try await database.schema("accounts").delete()
    }
}
