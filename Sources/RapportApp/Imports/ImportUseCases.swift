import RapportCore
import RapportImport
import RapportStore

/// Loading CSV files into the ledger and writing them back out.
public struct ImportUseCases: Sendable {
    /// Runs inside the write transaction after each batch with the rows written so far; throwing rolls the import back.
    public typealias AfterBatch = BatchProgress

    let env: AppEnvironment

    /// Imports `path` as a file of `kind`: every row is read and checked first, then all the new
    /// rows are written in one transaction — or nothing, when a row is bad and `skipInvalid` is
    /// false. Re-importing a file writes nothing new (rows are matched by their external ids).
    /// `log` gets progress lines; `afterBatch` runs inside the write transaction after each batch.
    public func importFile(
        _ kind: ImportKind, path: String, skipInvalid: Bool = false,
        log: @escaping @Sendable (String) -> Void = { _ in }, afterBatch: AfterBatch? = nil
    ) async throws -> ImportSummary {
        let prepared = try await reader(log).read(kind, path: path, skipInvalid: skipInvalid)
        return try await write(kind, prepared, log: log, afterBatch: afterBatch)
    }

    /// Imports `csv` (the text of a file of `kind`, header included) as the file `name`, with
    /// exactly the rules of `importFile`; the errors name `name`. The web upload and the API use it.
    public func importText(
        _ kind: ImportKind, csv: [UInt8], name: String, skipInvalid: Bool = false, log: @escaping @Sendable (String) -> Void = { _ in }
    ) async throws -> ImportSummary {
        let prepared = try await reader(log).read(kind, bytes: csv, name: name, skipInvalid: skipInvalid)
        return try await write(kind, prepared, log: log, afterBatch: nil)
    }

    /// Imports `csv` like `importText` but keeps the good rows when others are bad (the import
    /// batcher's way of writing several requests' records at once); also returns the external ids
    /// of the records it wrote.
    func importKeepingGood(_ kind: ImportKind, csv: [UInt8], name: String) async throws -> (summary: ImportSummary, written: Set<String>) {
        let prepared = try await reader { _ in }.read(kind, bytes: csv, name: name, skipInvalid: true)
        let summary = try await write(kind, prepared, log: { _ in }, afterBatch: nil)
        return (summary, Set(prepared.rows.ids))
    }

    private func reader(_ log: @escaping @Sendable (String) -> Void) -> ImportReader {
        ImportReader(lookup: StoreImportLookup(repositories: env.repositories), log: log)
    }

    /// Writes the new rows of `prepared` in one transaction and audits the import.
    private func write(
        _ kind: ImportKind, _ prepared: PreparedImport, log: @escaping @Sendable (String) -> Void, afterBatch: AfterBatch?
    ) async throws -> ImportSummary {
        let repositories = env.repositories
        let file = prepared.summary.file
        let progress: BatchProgress = { written in
            log("\(file): wrote \(written)")
            try await afterBatch?(written)
        }
        switch prepared.rows {
        case .accounts(let rows): try await repositories.accounts.insertAccounts(rows, progress: progress)
        case .locations(let rows): try await repositories.locations.insertLocations(rows, progress: progress)
        case .invoices(let rows): try await repositories.invoices.insertInvoices(rows, progress: progress)
        case .payments(let rows):
            if !rows.isEmpty { _ = try await repositories.payments.postPayments(rows, progress: progress) }
        case .jobs(let rows): try await repositories.jobs.insertJobs(rows, progress: progress)
        case .followUps(let new, let completed):
            try await repositories.jobs.saveFollowUps(new: new, completed: completed, progress: progress)
        case .creditMemos(let rows):
            if !rows.isEmpty { _ = try await repositories.creditMemos.postCreditMemos(rows, progress: progress) }
        case .deposits(let rows):
            if !rows.isEmpty { _ = try await repositories.deposits.postDeposits(rows, progress: progress) }
        case .contacts(let rows): try await repositories.contacts.insertContacts(rows, progress: progress)
        }
        let summary = prepared.summary
        if summary.rowsWritten > 0 {
            try await env.audit.record("import.\(kind.rawValue)", entity: "import", id: summary.file, after: AuditEvent.fields([
                "rowsRead": "\(summary.rowsRead)", "rowsWritten": "\(summary.rowsWritten)",
                "rowsUnchanged": "\(summary.rowsUnchanged)", "rowsRejected": "\(summary.rowsRejected)",
            ]))
        }
        return summary
    }

    /// Streams the stored rows of `kind` as CSV in the import format to `write`; returns the row count.
    @discardableResult
    public func export(_ kind: ImportKind, write: (String) throws -> Void) async throws -> Int {
        try await Exporter(source: StoreImportLookup(repositories: env.repositories)).export(kind, write: write)
    }

    /// The whole export of `kind` as one string (small data sets and tests).
    public func exportText(_ kind: ImportKind) async throws -> String {
        var text = ""
        try await export(kind) { text += $0 }
        return text
    }
}

extension AppEnvironment {
    /// Imports and exports.
    public var imports: ImportUseCases { ImportUseCases(env: self) }
}
