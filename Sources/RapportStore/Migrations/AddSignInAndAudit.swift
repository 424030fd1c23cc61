import FluentKit
import SQLKit

/// Sign-in and the audit log: users can be disabled and carry when they were created;
/// `sessions` (one row per signed-in browser, keyed by the SHA-256 of its cookie, with its CSRF
/// token and its idle and absolute expiry), `sign_in_failures` (what the lock counts),
/// `form_submissions` (one-time form tokens: a second POST of the same form answers as the first)
/// and `audit_events` (append only).
struct AddSignInAndAudit: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("ALTER TABLE users ADD COLUMN disabled BIGINT NOT NULL DEFAULT 0").run()
        try await sql.raw("ALTER TABLE users ADD COLUMN created_at TEXT").run()
        try await sql.raw("""
            CREATE TABLE sessions (
              id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users (id), csrf_token TEXT NOT NULL,
              created_at BIGINT NOT NULL, last_seen_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)
            """).run()
        try await sql.raw("CREATE INDEX sessions_user ON sessions (user_id)").run()
        try await sql.raw("CREATE TABLE sign_in_failures (username TEXT NOT NULL, at BIGINT NOT NULL)").run()
        try await sql.raw("CREATE INDEX sign_in_failures_username ON sign_in_failures (username, at)").run()
        try await sql.raw("""
            CREATE TABLE form_submissions (
              token TEXT PRIMARY KEY, user_id TEXT NOT NULL, location TEXT NOT NULL, at BIGINT NOT NULL)
            """).run()
        try await sql.raw("""
            CREATE TABLE audit_events (
              seq \(unsafeRaw: sql.dialect.name == "sqlite" ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGSERIAL PRIMARY KEY"),
              at BIGINT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL,
              before_values TEXT NOT NULL, after_values TEXT NOT NULL)
            """).run()
        try await sql.raw("CREATE INDEX audit_events_at ON audit_events (at)").run()
        try await sql.raw("CREATE INDEX audit_events_entity ON audit_events (entity, entity_id)").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for table in ["audit_events", "form_submissions", "sign_in_failures", "sessions"] {
            try await sql.raw("DROP TABLE \(ident: table)").run()
        }
        try await sql.raw("ALTER TABLE users DROP COLUMN created_at").run()
        try await sql.raw("ALTER TABLE users DROP COLUMN disabled").run()
    }
}
