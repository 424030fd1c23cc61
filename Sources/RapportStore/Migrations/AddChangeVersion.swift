import FluentKit
import SQLKit

/// `change_versions`: counters that writes add one to (`data` for the ledger and the work on it,
/// `touches` and `touches:SPECIALIST` for touches; see `ChangeVersion`), so results derived from
/// the data can be kept until it changes.
struct AddChangeVersion: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE TABLE change_versions (name TEXT PRIMARY KEY, version BIGINT NOT NULL)").run()
        try await sql.raw("INSERT INTO change_versions (name, version) VALUES ('data', 0), ('touches', 0)").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("DROP TABLE change_versions").run()
    }
}
