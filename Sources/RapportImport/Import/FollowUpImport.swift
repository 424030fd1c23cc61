import RapportCore

/// Checks the rows of `followups.csv`: repeats, already-stored items, known jobs. A stored open
/// item that the file marks done (the same row with `done_on` filled in) is a completion, not a
/// conflict: the billing system's next export records the work as finished.
struct FollowUpImport {
    let jobs: any ImportLookup

    /// New items to insert and stored items to mark done.
    struct Changes {
        var new: [ParsedRow<FollowUpItem>]
        var completed: [FollowUpItem]
    }

    func prepare(_ source: inout RowSource, run: inout ImportRun) async throws -> Changes {
        var parsed: [ParsedRow<FollowUpItem>] = []
        run.summary.rowsRead = try source.forEachRow { reader in
            do { parsed.append(ParsedRow(line: reader.line, value: try FollowUpRow.decode(reader))) } catch let error as RowError {
                run.errors.append(error)
            }
        }
        let unique = run.dedupe(parsed, idColumn: "followup_id", id: \.id.rawValue)
        var completed: [FollowUpItem] = []
        var candidates: [ParsedRow<FollowUpItem>] = []
        for start in stride(from: 0, to: unique.count, by: 2000) {
            let chunk = unique[start..<min(start + 2000, unique.count)]
            let stored = Dictionary(uniqueKeysWithValues: try await jobs.fetchFollowUps(chunk.map(\.value.id)).map { ($0.id, $0) })
            for row in chunk {
                if let old = stored[row.value.id], old.completedOn == nil, row.value.completedOn != nil {
                    var done = old
                    done.completedOn = row.value.completedOn
                    if done == row.value {
                        completed.append(row.value)
                        continue
                    }
                }
                candidates.append(row)
            }
        }
        let fresh = try await run.newRows(
            candidates, fetch: { try await jobs.fetchFollowUps($0.map { FollowUpItem.ID($0) }) },
            columns: ImportKind.followups.columns, idColumn: "followup_id", id: \.id.rawValue,
            encode: { [FollowUpRow.encode($0)] })
        let known = Set(try await jobs.fetchJobs(Array(Set(fresh.map(\.value.jobID)))).map(\.id))
        for row in fresh where !known.contains(row.value.jobID) {
            run.reject(row.line, "job_id", "unknown job \(row.value.jobID)")
        }
        return Changes(new: run.withoutRejected(fresh), completed: completed)
    }
}
