/// The column names of an import file, matched case-insensitively; extra columns are ignored.
public struct CSVHeader: Sendable {
    private let positions: [String: Int]

    /// Reads the header record; throws when a required column is missing or a name repeats.
    public init(_ record: CSVRecord, file: String, required: [String]) throws(RowError) {
        var positions: [String: Int] = [:]
        for (index, raw) in record.fields.enumerated() {
            let name = raw.trimmingCharacters().lowercased()
            guard !name.isEmpty else { continue }
            if positions[name] != nil {
                throw RowError(file: file, line: record.line, field: name, reason: "column appears twice")
            }
            positions[name] = index
        }
        for column in required where positions[column] == nil {
            throw RowError(file: file, line: record.line, field: column, reason: "required column is missing")
        }
        self.positions = positions
    }

    /// The trimmed value of `column` in `record`; nil when the column is absent or the cell is empty.
    public func value(_ column: String, in record: CSVRecord) -> String? {
        guard let position = positions[column], position < record.fields.count else { return nil }
        let value = record.fields[position].trimmingCharacters()
        return value.isEmpty ? nil : value
    }
}

extension String {
    func trimmingCharacters() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
