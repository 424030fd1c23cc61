import FluentKit

/// Installation and service jobs, and their follow-up (punch-list) items.
struct CreateJob: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("jobs")
            .externalID()
            .reference("account_id", to: "accounts")
            .optionalReference("location_id", to: "locations")
            .required("kind", .string)
            .required("owner_department", .string)
            .required("percent_complete", .int)
            .field("billed_off_on", .string)
            .create()
        try await database.createIndex("jobs_account", on: "jobs", "account_id")
        try await database.schema("follow_up_items")
            .externalID()
            .reference("job_id", to: "jobs")
            .required("description", .string)
            .required("department", .string)
            .required("due_on", .string)
            .field("completed_on", .string)
            .create()
        try await database.createIndex("follow_up_items_job", on: "follow_up_items", "job_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema("follow_up_items").delete()
        try await database.schema("jobs").delete()
    }
}
