import SQLKit

extension SQLDatabase {
    /// Inserts records in multi-row statements of `batchSize` rows (keeping well under both
    /// engines' bind-parameter limits). Call inside a transaction for all-or-nothing.
    func insertBatched<Record: BulkRow>(
        _ records: some Collection<Record>, into table: String, batchSize: Int = 400
    ) async throws {
        var batch: [Record] = []
        batch.reserveCapacity(batchSize)
        for record in records {
            batch.append(record)
            if batch.count == batchSize {
                try await insertOnce(batch, into: table)
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { try await insertOnce(batch, into: table) }
    }

    private func insertOnce<Record: BulkRow>(_ batch: [Record], into table: String) async throws {
        // Explicit columns and binds: Codable encoding with key conversion cost more than SQLite itself.
        let builder = insert(into: table).columns(Record.columns)
        for record in batch { builder.values(record.sqlValues) }
        try await builder.run()
    }

    /// Calls `body` with every row of `table` in `id` order, `size` rows at a time (keyset paging,
    /// so a large export never holds the whole table).
    func forEachPage<Value>(
        of table: String, size: Int, decode: (Cells) throws -> Value, _ body: ([Value]) async throws -> Void
    ) async throws {
        var after = ""
        while true {
            let rows = try await select().column("*").from(table)
                .where("id", .greaterThan, after).orderBy("id").limit(size).rows()
            guard let last = rows.last else { return }
            try await body(try rows.map(decode))
            after = try last.text("id")
        }
    }

    /// Runs `query` once per chunk of `ids` (bounded IN lists) and gathers the decoded rows.
    func fetchChunked<ID: Encodable & Sendable, Row: Sendable>(
        _ ids: some Collection<ID>, chunkSize: Int = 500,
        _ query: ([ID]) -> SQLSelectBuilder, decode: (Cells) throws -> Row
    ) async throws -> [Row] {
        var result: [Row] = []
        let all = Array(ids)
        var start = 0
        while start < all.count {
            let chunk = Array(all[start..<min(start + chunkSize, all.count)])
            for row in try await query(chunk).rows() { result.append(try decode(row)) }
            start += chunkSize
        }
        return result
    }

}

/// A record written by multi-row INSERTs: its columns and, per row, their values in that order.
protocol BulkRow: Sendable {
    static var columns: [String] { get }
    var sqlValues: [any SQLExpression] { get }
}

/// A bind for a value, or SQL NULL.
func sqlValue(_ value: (any Encodable & Sendable)?) -> any SQLExpression {
    value.map { SQLBind($0) } ?? SQLLiteral.null
}

/// A record's stored text did not map back to a domain value (a bad enum, day or currency).
public struct CorruptRecord: Error, CustomStringConvertible {
    public var table: String
    public var id: String
    public var reason: String

    public var description: String { "stored \(table) row \(id) is invalid: \(reason)" }
}
