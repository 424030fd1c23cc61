import FluentKit
import RapportCore
import SQLKit

/// `SessionRepository` on SQLite or PostgreSQL.
public struct FluentSessionRepository: SessionRepository {
    let database: any Database

    public init(_ database: RapportDatabase) { self.database = database.database }

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    public func insertSession(_ session: StoredSession) async throws {
        try await sql.insert(into: "sessions")
            .columns("id", "user_id", "csrf_token", "created_at", "last_seen_at", "expires_at")
            .values(SQLBind(session.id), SQLBind(session.userID.rawValue), SQLBind(session.csrfToken),
                    SQLBind(session.createdAt.secondsSinceEpoch), SQLBind(session.lastSeenAt.secondsSinceEpoch),
                    SQLBind(session.expiresAt.secondsSinceEpoch))
            .run()
    }

    public func fetchSession(_ id: String) async throws -> StoredSession? {
        try await sql.select().column("*").from("sessions").where("id", .equal, id).rows().first.map { row in
            StoredSession(
                id: try row.text("id"), userID: User.ID(try row.text("user_id")), csrfToken: try row.text("csrf_token"),
                createdAt: Instant(secondsSinceEpoch: try row.integer("created_at")),
                lastSeenAt: Instant(secondsSinceEpoch: try row.integer("last_seen_at")),
                expiresAt: Instant(secondsSinceEpoch: try row.integer("expires_at")))
        }
    }

    public func updateLastSeen(_ id: String, at: Instant) async throws {
        try await sql.update("sessions").set("last_seen_at", to: at.secondsSinceEpoch).where("id", .equal, id).run()
    }

    public func deleteSession(_ id: String) async throws {
        try await sql.delete(from: "sessions").where("id", .equal, id).run()
    }

    public func deleteSessions(of user: User.ID) async throws {
        try await sql.delete(from: "sessions").where("user_id", .equal, user.rawValue).run()
    }

    public func claimFormToken(_ token: String, user: User.ID, at: Instant) async throws -> String? {
        let inserted = try await sql.rows("""
            INSERT INTO form_submissions (token, user_id, location, at) VALUES (\(bind: token), \(bind: user.rawValue), '', \(bind: at.secondsSinceEpoch))
            ON CONFLICT (token) DO NOTHING RETURNING token
            """)
        if !inserted.isEmpty { return nil }
        return try await sql.select().column("location").from("form_submissions").where("token", .equal, token)
            .rows().first?.text("location") ?? ""
    }

    public func completeFormToken(_ token: String, location: String) async throws {
        try await sql.update("form_submissions").set("location", to: location).where("token", .equal, token).run()
    }

    public func releaseFormToken(_ token: String) async throws {
        try await sql.delete(from: "form_submissions").where("token", .equal, token).run()
    }
}
