/// What an import did, counted in file rows (for invoices, one row is one line).
public struct ImportSummary: Sendable, Equatable {
    public var file: String
    public var rowsRead = 0
    public var rowsWritten = 0
    /// Rows already stored with the same content (re-imports), and exact repeats within the file.
    public var rowsUnchanged = 0
    public var rowsRejected = 0
    /// Every rejected row, in line order (only with `--skip-invalid`; otherwise nothing is written).
    public var rejected: [RowError] = []

    public init(file: String) { self.file = file }

    /// "invoices.csv: 12 rows read, 10 written, 2 unchanged, 0 rejected".
    public var line: String {
        "\(file): \(rowsRead) rows read, \(rowsWritten) written, \(rowsUnchanged) unchanged, \(rowsRejected) rejected"
    }
}
