import FluentKit
import RapportCore
import SQLKit

/// `UserRepository` on SQLite or PostgreSQL.
public struct FluentUserRepository: UserRepository {
    let database: any Database

    public init(_ database: RapportDatabase) { self.database = database.database }

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    public func insertUser(_ user: User, passwordHash: String?, at: Instant) async throws {
        try await sql.insert(into: "users")
            .columns("id", "display_name", "role", "department", "password_hash", "disabled", "created_at")
            .values(SQLBind(user.id.rawValue), SQLBind(user.displayName), SQLBind(user.role.rawValue),
                    sqlValue(user.department?.rawValue), sqlValue(passwordHash), SQLBind(user.isDisabled ? 1 : 0),
                    SQLBind(at.isoString))
            .run()
    }

    public func fetchUser(_ id: User.ID) async throws -> StoredUser? {
        try await sql.select().column("*").from("users").where("id", .equal, id.rawValue).rows().first.map(Self.decode)
    }

    public func fetchUsers() async throws -> [StoredUser] {
        try await sql.select().column("*").from("users").orderBy("id").rows().map(Self.decode)
    }

    public func updatePasswordHash(_ id: User.ID, to hash: String) async throws {
        try await sql.update("users").set("password_hash", to: hash).where("id", .equal, id.rawValue).run()
    }

    public func updateDisabled(_ id: User.ID, to disabled: Bool) async throws {
        try await sql.update("users").set("disabled", to: disabled ? 1 : 0).where("id", .equal, id.rawValue).run()
    }

    public func insertSignInFailure(username: String, at: Instant) async throws {
        try await sql.insert(into: "sign_in_failures").columns("username", "at")
            .values(SQLBind(username), SQLBind(at.secondsSinceEpoch)).run()
    }

    public func fetchSignInFailures(username: String, since: Instant) async throws -> [Instant] {
        try await sql.select().column("at").from("sign_in_failures").where("username", .equal, username)
            .where("at", .greaterThanOrEqual, since.secondsSinceEpoch).orderBy("at").rows()
            .map { Instant(secondsSinceEpoch: try $0.integer("at")) }
    }

    private static func decode(_ row: Cells) throws -> StoredUser {
        let id = try row.text("id")
        guard let role = User.Role(rawValue: try row.text("role")) else { throw CorruptRecord(table: "users", id: id, reason: "role") }
        let department = try row.optionalText("department").map { text in
            guard let value = Department(rawValue: text) else { throw CorruptRecord(table: "users", id: id, reason: "department") }
            return value
        }
        let user = User(id: User.ID(id), displayName: try row.text("display_name"), role: role, department: department,
                        isDisabled: try row.integer("disabled") != 0)
        return StoredUser(user: user, passwordHash: try row.optionalText("password_hash"),
                          createdAt: try row.optionalText("created_at").flatMap(Instant.init(iso:)))
    }
}
