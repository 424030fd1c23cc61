import RapportCore
import RapportStore

/// Imports one CSV file into the store: reads and checks every row first, then writes all the new
/// rows in one transaction — or nothing, when a row is bad and `skipInvalid` is false.
/// Re-importing a file writes nothing new: rows are matched by their external ids.
public struct Importer: Sendable {
    /// Where rows are looked up and written.
    let repositories: LedgerRepositories
    /// Receives progress lines ("invoices.csv: read 100000 rows") for long files.
    let log: @Sendable (String) -> Void
    /// Rows between two progress lines.
    var progressInterval = 100_000

    public init(repositories: LedgerRepositories, log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.repositories = repositories
        self.log = log
    }

    /// Imports `path` as a file of `kind`. `afterBatch` runs inside the write transaction after
    /// each batch (progress; tests use it to interrupt an import half-way).
    public func importFile(
        _ kind: ImportKind, path: String, skipInvalid: Bool = false, afterBatch: BatchProgress? = nil
    ) async throws -> ImportSummary {
        var source = try RowSource(kind, path: path, log: log, progressInterval: progressInterval)
        var run = ImportRun(file: path)
        let progress = writeProgress(path, afterBatch)
        switch kind {
        case .accounts:
            let rows = try await AccountImport(repository: repositories.accounts).prepare(&source, run: &run)
            try finish(&run, skipInvalid)
            try await repositories.accounts.insertAccounts(rows.map(\.value), progress: progress)
            run.summary.rowsWritten = rows.count
        case .locations:
            let rows = try await LocationImport(locations: repositories.locations, accounts: repositories.accounts)
                .prepare(&source, run: &run)
            try finish(&run, skipInvalid)
            try await repositories.locations.insertLocations(rows.map(\.value), progress: progress)
            run.summary.rowsWritten = rows.count
        case .invoices:
            let rows = try await InvoiceImport(invoices: repositories.invoices, accounts: repositories.accounts, locations: repositories.locations)
                .prepare(&source, run: &run)
            try finish(&run, skipInvalid)
            try await repositories.invoices.insertInvoices(rows.map(\.value), progress: progress)
            run.summary.rowsWritten = rows.reduce(0) { $0 + $1.value.lines.count }
        case .payments:
            let rows = try await PaymentImport(payments: repositories.payments, accounts: repositories.accounts, invoices: repositories.invoices)
                .prepare(&source, run: &run)
            try finish(&run, skipInvalid)
            if !rows.isEmpty { _ = try await repositories.payments.postPayments(rows.map(\.value), progress: progress) }
            run.summary.rowsWritten = rows.count
        case .jobs:
            let rows = try await JobImport(jobs: repositories.jobs, accounts: repositories.accounts, locations: repositories.locations)
                .prepare(&source, run: &run)
            try finish(&run, skipInvalid)
            try await repositories.jobs.insertJobs(rows.map(\.value), progress: progress)
            run.summary.rowsWritten = rows.count
        case .followups:
            let changes = try await FollowUpImport(jobs: repositories.jobs).prepare(&source, run: &run)
            try finish(&run, skipInvalid)
            try await repositories.jobs.saveFollowUps(new: changes.new.map(\.value), completed: changes.completed, progress: progress)
            run.summary.rowsWritten = changes.new.count + changes.completed.count
        case .creditMemos:
            let rows = try await CreditMemoImport(memos: repositories.creditMemos, accounts: repositories.accounts, invoices: repositories.invoices)
                .prepare(&source, run: &run)
            try finish(&run, skipInvalid)
            if !rows.isEmpty { _ = try await repositories.creditMemos.postCreditMemos(rows.map(\.value), progress: progress) }
            run.summary.rowsWritten = rows.count
        case .deposits:
            let rows = try await DepositImport(deposits: repositories.deposits, accounts: repositories.accounts, jobs: repositories.jobs)
                .prepare(&source, run: &run)
            try finish(&run, skipInvalid)
            if !rows.isEmpty { _ = try await repositories.deposits.postDeposits(rows.map(\.value), progress: progress) }
            run.summary.rowsWritten = rows.count
        case .contacts:
            let rows = try await ContactImport(
                contacts: repositories.contacts, accounts: repositories.accounts, locations: repositories.locations
            ).prepare(&source, run: &run)
            try finish(&run, skipInvalid)
            try await repositories.contacts.insertContacts(rows.map(\.value), progress: progress)
            run.summary.rowsWritten = rows.count
        }
        run.summary.rowsRejected = run.summary.rowsRead - run.summary.rowsWritten - run.summary.rowsUnchanged
        return run.summary
    }

    private func finish(_ run: inout ImportRun, _ skipInvalid: Bool) throws {
        run.errors.sort { ($0.line, $0.field) < ($1.line, $1.field) }
        if !run.errors.isEmpty && !skipInvalid { throw ImportError.refused(file: run.file, errors: run.errors) }
        run.summary.rejected = run.errors
    }

    private func writeProgress(_ file: String, _ afterBatch: BatchProgress?) -> BatchProgress {
        let log = log
        return { written in
            log("\(file): wrote \(written)")
            try await afterBatch?(written)
        }
    }
}
