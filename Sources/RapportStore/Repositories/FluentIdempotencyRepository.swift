import FluentKit
import RapportCore
import SQLKit

/// `IdempotencyRepository` on SQLite or PostgreSQL: the claim is one `INSERT … ON CONFLICT DO
/// NOTHING`, so two concurrent requests with the same key never both do the work.
public struct FluentIdempotencyRepository: IdempotencyRepository {
    let database: any Database

    public init(_ database: RapportDatabase) { self.database = database.database }

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    public func claimKey(
        _ key: String, user: User.ID, requestHash: String, at: Instant, expiresBefore: Instant
    ) async throws -> IdempotencyClaim {
        try await sql.delete(from: "idempotency_keys").where("user_id", .equal, user.rawValue)
            .where("idempotency_key", .equal, key).where("created_at", .lessThan, expiresBefore.secondsSinceEpoch).run()
        let inserted = try await sql.rows("""
            INSERT INTO idempotency_keys (user_id, idempotency_key, request_hash, created_at)
            VALUES (\(bind: user.rawValue), \(bind: key), \(bind: requestHash), \(bind: at.secondsSinceEpoch))
            ON CONFLICT (user_id, idempotency_key) DO NOTHING RETURNING idempotency_key
            """)
        if !inserted.isEmpty { return .fresh }
        guard let row = try await sql.select().column("*").from("idempotency_keys").where("user_id", .equal, user.rawValue)
            .where("idempotency_key", .equal, key).rows().first else { return .inFlight }
        if try row.text("request_hash") != requestHash { return .mismatch }
        guard let status = try row.optionalInteger("status") else { return .inFlight }
        return .replay(StoredResponse(
            status: Int(status), contentType: try row.optionalText("content_type"), location: try row.optionalText("location"),
            body: try row.optionalText("body") ?? ""))
    }

    public func completeKey(_ key: String, user: User.ID, response: StoredResponse) async throws {
        try await sql.update("idempotency_keys").set("status", to: Int64(response.status))
            .set("content_type", to: response.contentType).set("location", to: response.location).set("body", to: response.body)
            .where("user_id", .equal, user.rawValue).where("idempotency_key", .equal, key).run()
    }

    public func releaseKey(_ key: String, user: User.ID) async throws {
        try await sql.delete(from: "idempotency_keys").where("user_id", .equal, user.rawValue).where("idempotency_key", .equal, key).run()
    }
}
