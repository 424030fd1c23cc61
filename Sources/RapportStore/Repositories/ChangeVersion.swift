import SQLKit

/// The database's change counter (`change_versions`, see `AddChangeVersion`): every write of the
/// ledger, the accounts or the work on them (postings, touches, cases, promises, jobs, models …)
/// adds one, in its own transaction or right after its one statement. A reader that reads the
/// counter before its data therefore holds data at least as new as the counter it read, so a
/// result derived from it (a specialist's queue) stays valid while the counter stands still,
/// whichever instance or process wrote.
enum ChangeVersion {
    /// Adds one to the counter.
    static func bump(_ sql: any SQLDatabase) async throws {
        try await sql.raw("UPDATE change_versions SET version = version + 1 WHERE name = 'data'").run()
    }

    /// The counter now.
    static func read(_ sql: any SQLDatabase) async throws -> Int64 {
        guard let row = try await sql.raw("SELECT version FROM change_versions WHERE name = 'data'").first() else { return 0 }
        return try row.decode(column: "version", as: Int64.self)
    }
}
