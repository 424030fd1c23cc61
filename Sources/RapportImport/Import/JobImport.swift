import RapportCore

/// Checks the rows of `jobs.csv`: repeats, already-stored jobs, known accounts, and a location
/// that belongs to the job's account.
struct JobImport {
    let jobs: any ImportLookup
    let accounts: any ImportLookup
    let locations: any ImportLookup

    func prepare(_ source: inout RowSource, run: inout ImportRun) async throws -> [ParsedRow<Job>] {
        var parsed: [ParsedRow<Job>] = []
        run.summary.rowsRead = try source.forEachRow { reader in
            do { parsed.append(ParsedRow(line: reader.line, value: try JobRow.decode(reader))) } catch let error as RowError {
                run.errors.append(error)
            }
        }
        let unique = run.dedupe(parsed, idColumn: "job_id", id: \.id.rawValue)
        let fresh = try await run.newRows(
            unique, fetch: { try await jobs.fetchJobs($0.map { Job.ID($0) }) },
            columns: ImportKind.jobs.columns, idColumn: "job_id", id: \.id.rawValue, encode: { [JobRow.encode($0)] })
        let known = Set(try await accounts.fetchAccounts(Array(Set(fresh.map(\.value.accountID)))).map(\.id))
        let owner = Dictionary(uniqueKeysWithValues: try await locations.fetchLocations(
            Array(Set(fresh.compactMap(\.value.locationID)))).map { ($0.id, $0.accountID) })
        for row in fresh {
            let job = row.value
            guard known.contains(job.accountID) else {
                run.reject(row.line, "account_id", "unknown account \(job.accountID)")
                continue
            }
            guard let location = job.locationID else { continue }
            if let account = owner[location] {
                if account != job.accountID {
                    run.reject(row.line, "location_id", "location \(location) belongs to account \(account)")
                }
            } else {
                run.reject(row.line, "location_id", "unknown location \(location)")
            }
        }
        return run.withoutRejected(fresh)
    }
}
