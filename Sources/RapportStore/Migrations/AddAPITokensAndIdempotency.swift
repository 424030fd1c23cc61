import FluentKit
import SQLKit

/// The JSON API: `api_tokens` (one row per token, keyed by a short id, holding only the SHA-256
/// of the secret, its user, a name, when it was made, last used and revoked) and
/// `idempotency_keys` (the first response to each `Idempotency-Key` of a user, with the digest of
/// the request it answered, kept 24 hours).
struct AddAPITokensAndIdempotency: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("""
            CREATE TABLE api_tokens (
              id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users (id), name TEXT NOT NULL,
              token_hash TEXT NOT NULL UNIQUE, created_at BIGINT NOT NULL, last_used_at BIGINT, revoked_at BIGINT)
            """).run()
        try await sql.raw("CREATE INDEX api_tokens_user ON api_tokens (user_id)").run()
        try await sql.raw("""
            CREATE TABLE idempotency_keys (
              user_id TEXT NOT NULL, idempotency_key TEXT NOT NULL, request_hash TEXT NOT NULL, created_at BIGINT NOT NULL,
              status BIGINT, content_type TEXT, location TEXT, body TEXT,
              PRIMARY KEY (user_id, idempotency_key))
            """).run()
        try await sql.raw("CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at)").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("DROP TABLE idempotency_keys").run()
        try await sql.raw("DROP TABLE api_tokens").run()
    }
}
