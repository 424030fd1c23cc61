/// Why an import wrote nothing.
public enum ImportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable(file: String, reason: String)
    /// The file is not valid CSV; nothing after this point could be read reliably.
    case malformed(file: String, CSVSyntaxError)
    /// The header lacks a required column or repeats one.
    case badHeader(RowError)
    /// Some rows are invalid and `--skip-invalid` was not given: every bad row, in line order.
    case refused(file: String, errors: [RowError])

    public var description: String {
        switch self {
        case .unreadable(let file, let reason): "\(file): cannot read: \(reason)"
        case .malformed(let file, let error): "\(file):\(error.line): \(error.reason)"
        case .badHeader(let error): error.description
        case .refused(let file, let errors):
            "\(file): \(errors.count) invalid row\(errors.count == 1 ? "" : "s"); nothing was imported"
        }
    }
}
