import RapportCore

/// Reads typed fields from one CSV record, turning every problem into a `RowError` that names the field.
struct RowReader {
    let file: String
    let header: CSVHeader
    let record: CSVRecord

    var line: Int { record.line }

    func error(_ field: String, _ reason: String) -> RowError {
        RowError(file: file, line: record.line, field: field, reason: reason)
    }

    func optional(_ column: String) -> String? { header.value(column, in: record) }

    func required(_ column: String) throws(RowError) -> String {
        guard let value = optional(column) else { throw error(column, "is required") }
        return value
    }

    func day(_ column: String) throws(RowError) -> Day {
        try parseDay(column, try required(column))
    }

    func optionalDay(_ column: String) throws(RowError) -> Day? {
        guard let text = optional(column) else { return nil }
        return try parseDay(column, text)
    }

    func currency(_ column: String) throws(RowError) -> Currency {
        let text = try required(column)
        do { return try Currency(text) } catch { throw self.error(column, error.description) }
    }

    func money(_ column: String, currency: Currency) throws(RowError) -> Money {
        let text = try required(column)
        do { return try Money.parse(text, currency: currency) } catch { throw self.error(column, error.description) }
    }

    func bool(_ column: String) throws(RowError) -> Bool? {
        guard let text = optional(column) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "1": return true
        case "false", "no", "0": return false
        default: throw error(column, "expected true or false, got \"\(text)\"")
        }
    }

    func choice<T: RawRepresentable & CaseIterable>(_ column: String, as type: T.Type) throws(RowError) -> T?
    where T.RawValue == String {
        guard let text = optional(column) else { return nil }
        guard let value = T(rawValue: text.lowercased()) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: "|")
            throw error(column, "expected one of \(allowed), got \"\(text)\"")
        }
        return value
    }

    private func parseDay(_ column: String, _ text: String) throws(RowError) -> Day {
        do { return try Day(iso: text) } catch { throw self.error(column, error.description) }
    }
}
