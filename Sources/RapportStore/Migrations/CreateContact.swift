import FluentKit

/// People at the customer, by role, for an account or one of its locations.
struct CreateContact: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("contacts")
            .externalID()
            .reference("account_id", to: "accounts")
            .optionalReference("location_id", to: "locations")
            .required("name", .string)
            .required("role", .string)
            .field("email", .string)
            .field("phone", .string)
            .create()
        try await database.createIndex("contacts_account", on: "contacts", "account_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema("contacts").delete()
    }
}
