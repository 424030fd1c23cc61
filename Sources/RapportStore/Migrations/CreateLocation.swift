import FluentKit

/// Sites of an account; invoice lines, jobs and contacts may name one.
struct CreateLocation: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("locations")
            .externalID()
            .reference("account_id", to: "accounts")
            .required("name", .string)
            .field("address", .string)
            .create()
        try await database.createIndex("locations_account", on: "locations", "account_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema("locations").delete()
    }
}
