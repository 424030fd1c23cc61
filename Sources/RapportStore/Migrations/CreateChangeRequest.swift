import FluentKit

/// Add-ons and cancellations reported by any department, open until Billing applies them.
struct CreateChangeRequest: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("change_requests")
            .externalID()
            .reference("account_id", to: "accounts")
            .optionalReference("location_id", to: "locations")
            .required("kind", .string)
            .required("service", .string)
            .required("description", .string)
            .required("effective_on", .string)
            .required("reported_by", .string)
            .required("reported_on", .string)
            .field("applied_on", .string)
            .create()
        try await database.createIndex("change_requests_account", on: "change_requests", "account_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema("change_requests").delete()
    }
}
