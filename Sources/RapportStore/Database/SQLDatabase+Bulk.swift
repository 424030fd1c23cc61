import SQLKit

extension SQLDatabase {
    /// Inserts records in multi-row statements of `batchSize` rows (keeping well under both
    /// engines' bind-parameter limits). Call inside a transaction for all-or-nothing.
    func insertBatched<Record: Encodable & Sendable>(
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

    private func insertOnce<Record: Encodable & Sendable>(_ batch: [Record], into table: String) async throws {
        try await insert(into: table)
            .models(batch, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil)
            .run()
    }

    /// Runs `query` once per chunk of `ids` (bounded IN lists) and gathers the decoded rows.
    func fetchChunked<ID: Encodable & Sendable, Row: Sendable>(
        _ ids: some Collection<ID>, chunkSize: Int = 500,
        _ query: ([ID]) -> SQLSelectBuilder, decode: (any SQLRow) throws -> Row
    ) async throws -> [Row] {
        var result: [Row] = []
        let all = Array(ids)
        var start = 0
        while start < all.count {
            let chunk = Array(all[start..<min(start + chunkSize, all.count)])
            for row in try await query(chunk).all() { result.append(try decode(row)) }
            start += chunkSize
        }
        return result
    }

    /// Decodes a row into a record whose property names are the snake_case columns in camelCase.
    static func decodeRecord<Record: Decodable>(_ row: any SQLRow, as type: Record.Type) throws -> Record {
        try row.decode(model: Record.self, keyDecodingStrategy: .convertFromSnakeCase)
    }
}

/// A record's stored text did not map back to a domain value (a bad enum, day or currency).
public struct CorruptRecord: Error, CustomStringConvertible {
    public var table: String
    public var id: String
    public var reason: String

    public var description: String { "stored \(table) row \(id) is invalid: \(reason)" }
}
