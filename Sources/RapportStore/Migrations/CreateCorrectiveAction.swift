import FluentKit

/// Corrective actions taken against root causes.
struct CreateCorrectiveAction: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("corrective_actions")
            .externalID()
            .required("root_cause", .string)
            .required("description", .string)
            .required("owner_department", .string)
            .required("due_on", .string)
            .field("implemented_on", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("corrective_actions").delete()
    }
}
