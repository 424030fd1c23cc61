import SQLKit

/// The database's change counters (`change_versions`, see `AddChangeVersion`): `data`, moved by
/// every write of the ledger, the accounts and the work on them (postings, cases, promises, jobs,
/// models …) except touches; `touches`, moved by every touch, and `touches:SPECIALIST`, by a touch
/// on one of that specialist's accounts. A write moves them inside its own transaction, or right
/// after its one statement, so a reader that reads the counters before its data holds data at
/// least as new as what it read: a result derived from it stays right while they stand still,
/// whichever instance or process wrote.
enum ChangeVersion {
    /// Moves `data`.
    static func bump(_ sql: any SQLDatabase) async throws {
        try await sql.raw("UPDATE change_versions SET version = version + 1 WHERE name = 'data'").run()
    }

    /// Moves `touches` and the counter of the specialist of `account`.
    static func bumpTouch(account: String, _ sql: any SQLDatabase) async throws {
        try await sql.raw("UPDATE change_versions SET version = version + 1 WHERE name = 'touches'").run()
        try await sql.raw("""
            INSERT INTO change_versions (name, version) \
            SELECT 'touches:' || COALESCE(a.specialist, ''), 1 FROM accounts a WHERE a.id = \(bind: account) \
            ON CONFLICT (name) DO UPDATE SET version = change_versions.version + 1
            """).run()
    }

    /// The sum of the counters `scope` depends on: it grows whenever one of them moves.
    static func read(_ scope: ChangeScope, _ sql: any SQLDatabase) async throws -> Int64 {
        let names: [String] = switch scope {
        case .everything: ["data", "touches"]
        case .queue(let specialist): ["data", "touches:" + specialist]
        }
        let row = try await sql.raw("""
            SELECT CAST(COALESCE(SUM(version), 0) AS BIGINT) AS version FROM change_versions WHERE name IN \(SQLBind.group(names))
            """).first()
        return try row?.decode(column: "version", as: Int64.self) ?? 0
    }
}
