import RapportCore

/// The bookkeeping of one import: the file name, the summary so far and the errors found.
struct ImportRun {
    let file: String
    var summary: ImportSummary
    var errors: [RowError] = []

    init(file: String) {
        self.file = file
        self.summary = ImportSummary(file: file)
    }

    mutating func reject(_ line: Int, _ field: String, _ reason: String) {
        errors.append(RowError(file: file, line: line, field: field, reason: reason))
    }

    /// Drops repeats of an id within the file: exact repeats count as unchanged, different
    /// content is an error on the later line.
    mutating func dedupe<Value: Equatable>(
        _ rows: [ParsedRow<Value>], idColumn: String, id: (Value) -> String, weight: (Value) -> Int = { _ in 1 }
    ) -> [ParsedRow<Value>] {
        var first: [String: ParsedRow<Value>] = [:]
        var unique: [ParsedRow<Value>] = []
        for row in rows {
            let key = id(row.value)
            if let earlier = first[key] {
                if earlier.value == row.value {
                    summary.rowsUnchanged += weight(row.value)
                } else {
                    reject(row.line, idColumn, "\(key) repeats line \(earlier.line) with different content")
                }
            } else {
                first[key] = row
                unique.append(row)
            }
        }
        return unique
    }

    /// Keeps the rows not yet stored; a stored row with the same content counts as unchanged, one
    /// with different content is an error naming the first column that differs. Stored rows are
    /// fetched and compared a chunk at a time, so a large re-import never holds them all.
    mutating func newRows<Value: Sendable>(
        _ rows: [ParsedRow<Value>], fetch: ([String]) async throws -> [Value], columns: [String], idColumn: String,
        id: (Value) -> String, encode: (Value) -> [[String]], weight: (Value) -> Int = { _ in 1 }
    ) async throws -> [ParsedRow<Value>] {
        var fresh: [ParsedRow<Value>] = []
        for start in stride(from: 0, to: rows.count, by: 2000) {
            let chunk = rows[start..<min(start + 2000, rows.count)]
            var stored: [String: Value] = [:]
            for value in try await fetch(chunk.map { id($0.value) }) { stored[id(value)] = value }
            for row in chunk {
                let key = id(row.value)
                guard let existing = stored[key] else {
                    fresh.append(row)
                    continue
                }
                let old = encode(existing)
                let new = encode(row.value)
                if old == new {
                    summary.rowsUnchanged += weight(row.value)
                } else {
                    reject(row.line, idColumn, "\(key) is already stored with different content (\(Self.firstDifference(old, new, columns)))")
                }
            }
        }
        return fresh
    }

    private static func firstDifference(_ old: [[String]], _ new: [[String]], _ columns: [String]) -> String {
        if old.count != new.count { return "\(old.count) lines stored, \(new.count) in the file" }
        for (oldRow, newRow) in zip(old, new) {
            for (index, column) in columns.enumerated() where oldRow[index] != newRow[index] {
                return "\(column): stored \"\(oldRow[index])\", file \"\(newRow[index])\""
            }
        }
        return "content differs"
    }

    /// Removes the rows on lines that have an error, counting their weight as rejected.
    func withoutRejected<Value>(_ rows: [ParsedRow<Value>]) -> [ParsedRow<Value>] {
        let bad = Set(errors.map(\.line))
        return rows.filter { !bad.contains($0.line) }
    }
}
