import FluentKit
import RapportCore
import SQLKit

/// `APITokenRepository` on SQLite or PostgreSQL.
public struct FluentAPITokenRepository: APITokenRepository {
    let database: any Database

    public init(_ database: RapportDatabase) { self.database = database.database }

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    public func insertToken(_ token: StoredAPIToken) async throws {
        try await sql.insert(into: "api_tokens")
            .columns("id", "user_id", "name", "token_hash", "created_at")
            .values(SQLBind(token.id), SQLBind(token.userID.rawValue), SQLBind(token.name), SQLBind(token.tokenHash),
                    SQLBind(token.createdAt.secondsSinceEpoch))
            .run()
    }

    public func fetchToken(hash: String) async throws -> StoredAPIToken? {
        try await sql.select().column("*").from("api_tokens").where("token_hash", .equal, hash).rows().first.map(Self.token)
    }

    public func fetchToken(id: String) async throws -> StoredAPIToken? {
        try await sql.select().column("*").from("api_tokens").where("id", .equal, id).rows().first.map(Self.token)
    }

    public func fetchTokens() async throws -> [StoredAPIToken] {
        try await sql.select().column("*").from("api_tokens").orderBy("created_at", .descending).orderBy("id", .descending)
            .rows().map(Self.token)
    }

    public func updateLastUsed(_ id: String, at: Instant) async throws {
        try await sql.update("api_tokens").set("last_used_at", to: at.secondsSinceEpoch).where("id", .equal, id).run()
    }

    public func updateRevoked(_ id: String, at: Instant) async throws {
        try await sql.update("api_tokens").set("revoked_at", to: at.secondsSinceEpoch).where("id", .equal, id)
            .where("revoked_at", .is, SQLLiteral.null).run()
    }

    private static func token(_ row: Cells) throws -> StoredAPIToken {
        StoredAPIToken(
            id: try row.text("id"), userID: User.ID(try row.text("user_id")), name: try row.text("name"),
            tokenHash: try row.text("token_hash"), createdAt: Instant(secondsSinceEpoch: try row.integer("created_at")),
            lastUsedAt: try row.optionalInteger("last_used_at").map(Instant.init(secondsSinceEpoch:)),
            revokedAt: try row.optionalInteger("revoked_at").map(Instant.init(secondsSinceEpoch:)))
    }
}
