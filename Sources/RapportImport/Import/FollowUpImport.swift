import RapportCore
import RapportStore

/// Checks the rows of `followups.csv`: repeats, already-stored items, known jobs.
struct FollowUpImport {
    let jobs: any JobRepository

    func prepare(_ source: inout RowSource, run: inout ImportRun) async throws -> [ParsedRow<FollowUpItem>] {
        var parsed: [ParsedRow<FollowUpItem>] = []
        run.summary.rowsRead = try source.forEachRow { reader in
            do { parsed.append(ParsedRow(line: reader.line, value: try FollowUpRow.decode(reader))) } catch let error as RowError {
                run.errors.append(error)
            }
        }
        let unique = run.dedupe(parsed, idColumn: "followup_id", id: \.id.rawValue)
        let fresh = try await run.newRows(
            unique, fetch: { try await jobs.fetchFollowUps($0.map { FollowUpItem.ID($0) }) },
            columns: ImportKind.followups.columns, idColumn: "followup_id", id: \.id.rawValue,
            encode: { [FollowUpRow.encode($0)] })
        let known = Set(try await jobs.fetchJobs(Array(Set(fresh.map(\.value.jobID)))).map(\.id))
        for row in fresh where !known.contains(row.value.jobID) {
            run.reject(row.line, "job_id", "unknown job \(row.value.jobID)")
        }
        return run.withoutRejected(fresh)
    }
}
