import RapportCore

/// Reads and checks one CSV file of an import: every row is decoded and checked against the rows
/// already stored (through an `ImportLookup`) before anything is written. It writes nothing itself:
/// persisting the result is RapportApp's import use case.
public struct ImportReader: Sendable {
    /// Where already-stored rows are looked up.
    let lookup: any ImportLookup
    /// Receives progress lines ("invoices.csv: read 100000 rows") for long files.
    let log: @Sendable (String) -> Void
    /// Rows between two progress lines.
    var progressInterval = 100_000

    public init(lookup: any ImportLookup, log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.lookup = lookup
        self.log = log
    }

    /// Reads `path` as a file of `kind`: the new rows to write and the summary so far. Throws
    /// `ImportError.refused` when a row is bad and `skipInvalid` is false.
    public func read(_ kind: ImportKind, path: String, skipInvalid: Bool = false) async throws -> PreparedImport {
        var source = try RowSource(kind, path: path, log: log, progressInterval: progressInterval)
        return try await read(kind, &source, skipInvalid: skipInvalid)
    }

    /// Reads `bytes`, the text of a file named `name` (an upload, a request body), like `read(_:path:skipInvalid:)`.
    public func read(_ kind: ImportKind, bytes: [UInt8], name: String, skipInvalid: Bool = false) async throws -> PreparedImport {
        var source = try RowSource(kind, bytes: bytes, file: name, log: log, progressInterval: progressInterval)
        return try await read(kind, &source, skipInvalid: skipInvalid)
    }

    private func read(_ kind: ImportKind, _ source: inout RowSource, skipInvalid: Bool) async throws -> PreparedImport {
        var run = ImportRun(file: source.file)
        let rows: PreparedImport.Rows
        switch kind {
        case .accounts:
            rows = .accounts(try await AccountImport(repository: lookup).prepare(&source, run: &run).map(\.value))
        case .locations:
            rows = .locations(try await LocationImport(locations: lookup, accounts: lookup).prepare(&source, run: &run).map(\.value))
        case .invoices:
            rows = .invoices(try await InvoiceImport(invoices: lookup, accounts: lookup, locations: lookup)
                .prepare(&source, run: &run).map(\.value))
        case .payments:
            rows = .payments(try await PaymentImport(payments: lookup, accounts: lookup, invoices: lookup)
                .prepare(&source, run: &run).map(\.value))
        case .jobs:
            rows = .jobs(try await JobImport(jobs: lookup, accounts: lookup, locations: lookup).prepare(&source, run: &run).map(\.value))
        case .followups:
            let changes = try await FollowUpImport(jobs: lookup).prepare(&source, run: &run)
            rows = .followUps(new: changes.new.map(\.value), completed: changes.completed)
        case .creditMemos:
            rows = .creditMemos(try await CreditMemoImport(memos: lookup, accounts: lookup, invoices: lookup)
                .prepare(&source, run: &run).map(\.value))
        case .deposits:
            rows = .deposits(try await DepositImport(deposits: lookup, accounts: lookup, jobs: lookup)
                .prepare(&source, run: &run).map(\.value))
        case .contacts:
            rows = .contacts(try await ContactImport(contacts: lookup, accounts: lookup, locations: lookup)
                .prepare(&source, run: &run).map(\.value))
        }
        run.errors.sort { ($0.line, $0.field) < ($1.line, $1.field) }
        if !run.errors.isEmpty && !skipInvalid { throw ImportError.refused(file: run.file, errors: run.errors) }
        run.summary.rejected = run.errors
        var summary = run.summary
        summary.rowsWritten = rows.weight
        summary.rowsRejected = summary.rowsRead - summary.rowsWritten - summary.rowsUnchanged
        return PreparedImport(rows: rows, summary: summary)
    }
}

/// A checked import file: the new rows to write, and its summary as it will be once they are written.
public struct PreparedImport: Sendable {
    /// The new rows of one kind.
    public enum Rows: Sendable {
        case accounts([Account])
        case locations([Location])
        case invoices([Invoice])
        case payments([Payment])
        case jobs([Job])
        case followUps(new: [FollowUpItem], completed: [FollowUpItem])
        case creditMemos([CreditMemo])
        case deposits([Deposit])
        case contacts([Contact])

        /// The external ids of the records to write (an updated follow-up item included).
        public var ids: [String] {
            switch self {
            case .accounts(let rows): rows.map(\.id.rawValue)
            case .locations(let rows): rows.map(\.id.rawValue)
            case .invoices(let rows): rows.map(\.id.rawValue)
            case .payments(let rows): rows.map(\.id.rawValue)
            case .jobs(let rows): rows.map(\.id.rawValue)
            case .followUps(let new, let completed): (new + completed).map(\.id.rawValue)
            case .creditMemos(let rows): rows.map(\.id.rawValue)
            case .deposits(let rows): rows.map(\.id.rawValue)
            case .contacts(let rows): rows.map(\.id.rawValue)
            }
        }

        /// How many file rows these are (an invoice counts its lines).
        var weight: Int {
            switch self {
            case .accounts(let rows): rows.count
            case .locations(let rows): rows.count
            case .invoices(let rows): rows.reduce(0) { $0 + $1.lines.count }
            case .payments(let rows): rows.count
            case .jobs(let rows): rows.count
            case .followUps(let new, let completed): new.count + completed.count
            case .creditMemos(let rows): rows.count
            case .deposits(let rows): rows.count
            case .contacts(let rows): rows.count
            }
        }
    }

    public var rows: Rows
    public var summary: ImportSummary
}
