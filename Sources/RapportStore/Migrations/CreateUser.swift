import FluentKit

/// People who sign in: user name, role, department, bcrypt password hash.
struct CreateUser: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("users")
            .externalID()
            .required("display_name", .string)
            .required("role", .string)
            .field("department", .string)
            .field("password_hash", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("users").delete()
    }
}
