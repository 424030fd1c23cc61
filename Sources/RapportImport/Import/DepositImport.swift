import RapportCore

/// Checks the rows of `deposits.csv`: repeats, already-stored deposits, known accounts, and a job
/// that exists and belongs to the depositing account.
struct DepositImport {
    let deposits: any ImportLookup
    let accounts: any ImportLookup
    let jobs: any ImportLookup

    func prepare(_ source: inout RowSource, run: inout ImportRun) async throws -> [ParsedRow<Deposit>] {
        var parsed: [ParsedRow<Deposit>] = []
        run.summary.rowsRead = try source.forEachRow { reader in
            do { parsed.append(ParsedRow(line: reader.line, value: try DepositRow.decode(reader))) } catch let error as RowError {
                run.errors.append(error)
            }
        }
        let unique = run.dedupe(parsed, idColumn: "deposit_id", id: \.id.rawValue)
        let fresh = try await run.newRows(
            unique, fetch: { try await deposits.fetchDeposits($0.map { Deposit.ID($0) }) },
            columns: ImportKind.deposits.columns, idColumn: "deposit_id", id: \.id.rawValue, encode: { [DepositRow.encode($0)] })
        let known = Set(try await accounts.fetchAccounts(Array(Set(fresh.map(\.value.accountID)))).map(\.id))
        let owner = Dictionary(uniqueKeysWithValues: try await jobs.fetchJobs(Array(Set(fresh.map(\.value.jobID))))
            .map { ($0.id, $0.accountID) })
        for row in fresh {
            let deposit = row.value
            guard known.contains(deposit.accountID) else {
                run.reject(row.line, "account_id", "unknown account \(deposit.accountID)")
                continue
            }
            guard let account = owner[deposit.jobID] else {
                run.reject(row.line, "job_id", "unknown job \(deposit.jobID)")
                continue
            }
            if account != deposit.accountID {
                run.reject(row.line, "job_id", "job \(deposit.jobID) belongs to account \(account)")
            }
        }
        return run.withoutRejected(fresh)
    }
}
