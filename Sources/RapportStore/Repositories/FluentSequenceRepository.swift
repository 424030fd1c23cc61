import FluentKit
import SQLKit

/// `SequenceRepository` on SQLite or PostgreSQL: one `UPDATE … RETURNING` per value, which the
/// database serialises (a row lock on PostgreSQL, the write lock on SQLite).
public struct FluentSequenceRepository: SequenceRepository {
    let database: any Database

    public init(_ database: RapportDatabase) { self.database = database.database }

    init(database: any Database) { self.database = database }

    public func nextValue(_ name: String) async throws -> Int64 {
        let sql = database as! any SQLDatabase
        if let value = try await advance(name, sql) { return value }
        // A counter not seeded by the migration starts at zero; a racing insert of the same name is harmless.
        switch sql.dialect.name {
        case "postgresql":
            try await sql.raw("INSERT INTO id_sequences (name, last_value) VALUES (\(bind: name), 0) ON CONFLICT (name) DO NOTHING").run()
        default:
            try await sql.raw("INSERT OR IGNORE INTO id_sequences (name, last_value) VALUES (\(bind: name), 0)").run()
        }
        guard let value = try await advance(name, sql) else { throw CorruptRecord(table: "id_sequences", id: name, reason: "counter missing") }
        return value
    }

    private func advance(_ name: String, _ sql: any SQLDatabase) async throws -> Int64? {
        try await sql.rows("UPDATE id_sequences SET last_value = last_value + 1 WHERE name = \(bind: name) RETURNING last_value")
            .first?.integer("last_value")
    }
}
