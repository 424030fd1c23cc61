import RapportApp
import RapportImport

/// Writes one record sent as JSON through the CSV import of its kind, so it is checked, allocated
/// and stored exactly like a row of the file (the contract says "exactly like the CSV imports").
/// A row error becomes a problem naming the JSON field: 409 when the id is stored with other
/// content, 422 for any other rule. A server writes concurrent requests' records together
/// (`ImportBatcher`), each with the answer it would get alone.
struct APIRowImport {
    let app: AppEnvironment

    /// Imports `rows` (column → value; nil or missing is an empty cell); true when something new was written.
    /// `linesField` names the JSON array the rows came from (an invoice's `lines`).
    func write(_ kind: ImportKind, rows: [[String: String?]], linesField: String? = nil) async throws -> Bool {
        let cells = rows.map { row in kind.columns.map { (row[$0] ?? nil) ?? "" } }
        do {
            if let batcher = app.importBatcher { return try await batcher.write(kind, rows: cells, env: app) }
            var writer = CSVWriter()
            writer.append(kind.columns)
            for row in cells { writer.append(row) }
            let summary = try await app.imports.importText(kind, csv: Array(writer.take().utf8), name: "api-\(kind.rawValue).csv")
            return summary.rowsWritten > 0
        } catch ImportError.refused(_, let errors) {
            let fields = errors.map { error in
                let field = APIProblem.jsonName(error.field)
                // Row `n` of the file is line `n - 2` of the request (the header is line 1).
                if let linesField, Self.isLineField(error.field) {
                    return APIProblem.FieldError(field: "\(linesField)[\(error.line - 2)].\(field)", reason: error.reason)
                }
                return APIProblem.FieldError(field: field, reason: error.reason)
            }
            let detail = fields.map { "\($0.field): \($0.reason)" }.joined(separator: "; ")
            if errors.contains(where: { $0.reason.contains("already stored with different content") }) {
                throw APIProblem(status: 409, title: "Conflict", detail: detail, errors: fields)
            }
            throw APIProblem(status: 422, title: "Refused", detail: detail, errors: fields)
        }
    }

    /// The columns of an invoice's line rather than of the invoice itself.
    private static func isLineField(_ column: String) -> Bool { ["amount", "location_id", "description"].contains(column) }
}
