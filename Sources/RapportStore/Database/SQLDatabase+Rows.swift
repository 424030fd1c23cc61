import FluentSQLiteDriver
import Foundation
import RapportCore
import SQLKit

/// One result row, read by column name.
///
/// Every read decodes through this rather than SQLKit's `decode(column:as:)`: on SQLite the rows
/// come straight from the connection, with no event-loop hop and no `Codable` per cell; on
/// PostgreSQL they come through SQLKit.
struct Cells: Sendable {
    fileprivate enum Source {
        case sqlite(SQLiteRow)
        case sql(any SQLRow)
    }

    fileprivate let source: Source

    /// Whether the row has `column`.
    func contains(_ column: String) -> Bool {
        switch source {
        case .sqlite(let row): row.column(column) != nil
        case .sql(let row): row.contains(column: column)
        }
    }

    /// The text in `column`.
    func text(_ column: String) throws -> String {
        guard let value = try optionalText(column) else { throw CellError(column: column, problem: "is NULL") }
        return value
    }

    /// The text in `column`, nil for NULL.
    func optionalText(_ column: String) throws -> String? {
        switch source {
        case .sqlite(let row):
            switch try data(row, column) {
            case .text(let text): return text
            case .null: return nil
            default: throw CellError(column: column, problem: "is not text")
            }
        case .sql(let row):
            return try row.decode(column: column, as: String?.self)
        }
    }

    /// The integer in `column`.
    func integer(_ column: String) throws -> Int64 {
        guard let value = try optionalInteger(column) else { throw CellError(column: column, problem: "is NULL") }
        return value
    }

    /// The integer in `column`, as an `Int`.
    func int(_ column: String) throws -> Int { Int(try integer(column)) }

    /// The integer in `column`, nil for NULL.
    func optionalInteger(_ column: String) throws -> Int64? {
        switch source {
        case .sqlite(let row):
            switch try data(row, column) {
            case .integer(let number): return Int64(number)
            case .null: return nil
            default: throw CellError(column: column, problem: "is not an integer")
            }
        case .sql(let row):
            return try row.decode(column: column, as: Int64?.self)
        }
    }

    /// The day in `column` (ISO text).
    func day(_ column: String) throws -> Day { try Day(iso: try text(column)) }

    /// The day in `column`, nil for NULL.
    func optionalDay(_ column: String) throws -> Day? { try optionalText(column).map { try Day(iso: $0) } }

    private func data(_ row: SQLiteRow, _ column: String) throws -> SQLiteData {
        guard let data = row.column(column) else { throw CellError(column: column, problem: "is not in the result") }
        return data
    }
}

/// A result cell that is not what the query promised (a schema out of step with the code).
struct CellError: Error, CustomStringConvertible {
    var column: String
    var problem: String
    var description: String { "result column \(column) \(problem)" }
}

extension SQLDatabase {
    /// Runs `query` and returns its rows. On SQLite the statement runs on one pooled connection
    /// and the rows are gathered as they are stepped (SQLKit's own path hands every row to the
    /// event loop as a task of its own); elsewhere rows come through SQLKit.
    func rows(_ query: any SQLExpression) async throws -> [Cells] {
        let collected = RowCollector()
        if let sqlite = self as? any SQLiteDatabase {
            var serializer = SQLSerializer(database: self)
            query.serialize(to: &serializer)
            let text = serializer.sql
            let encoder = SQLiteDataEncoder()
            let binds = try serializer.binds.map { try encoder.encode($0) }
            try await sqlite.withConnection { connection in
                connection.eventLoop.makeFutureWithTask {
                    try await connection.query(text, binds) { collected.add(Cells(source: .sqlite($0))) }
                }
            }.get()
        } else {
            try await execute(sql: query) { collected.add(Cells(source: .sql($0))) }
        }
        return collected.rows
    }

    /// The rows of a raw query (for a literal: `sql.rows("SELECT …")`).
    func rows(_ query: SQLQueryString) async throws -> [Cells] {
        try await rows(query as any SQLExpression)
    }

    /// The first row of `query`, if any.
    func firstRow(_ query: some SQLExpression) async throws -> Cells? {
        try await rows(query).first
    }
}

extension SQLQueryFetcher {
    /// The rows of this query, through `SQLDatabase.rows(_:)`.
    func rows() async throws -> [Cells] {
        try await database.rows(query)
    }
}

/// Rows gathered on SQLite's thread as they are stepped, read back once the query is done.
private final class RowCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var gathered: [Cells] = []

    func add(_ row: Cells) {
        lock.lock()
        gathered.append(row)
        lock.unlock()
    }

    var rows: [Cells] {
        lock.lock()
        defer { lock.unlock() }
        return gathered
    }
}

extension Database {
    /// Runs `body`'s reads against one snapshot of the database, so that a report or a queue built
    /// from several queries never mixes states when a posting commits in between: a deferred
    /// transaction on SQLite (WAL keeps writers going), REPEATABLE READ, READ ONLY on PostgreSQL.
    /// Inside a caller's transaction it runs in that one.
    func readSnapshot<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard !inTransaction else { return try await body(self) }
        return try await transaction { tx in
            let sql = tx as! any SQLDatabase
            if sql.dialect.name != "sqlite" {
                try await sql.raw("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").run()
            } else {
                // Reader connections come from a pool without a set-up hook: wait on a lock and keep
                // pages in memory as the writing connection does (setting the same value again is free).
                try await sql.raw("PRAGMA busy_timeout=10000").run()
                try await sql.raw("PRAGMA cache_size=-65536").run()
            }
            return try await body(tx)
        }
    }
}
