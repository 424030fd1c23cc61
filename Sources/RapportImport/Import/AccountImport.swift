import RapportCore

/// Checks the rows of `accounts.csv`: repeats, already-stored accounts, parents that exist (in the
/// store or the same file) and parent cycles.
struct AccountImport {
    let repository: any ImportLookup

    func prepare(_ source: inout RowSource, run: inout ImportRun) async throws -> [ParsedRow<Account>] {
        var parsed: [ParsedRow<Account>] = []
        run.summary.rowsRead = try source.forEachRow { reader in
            do { parsed.append(ParsedRow(line: reader.line, value: try AccountRow.decode(reader))) } catch let error as RowError {
                run.errors.append(error)
            }
        }
        let unique = run.dedupe(parsed, idColumn: "account_id", id: \.id.rawValue)
        var candidates = try await run.newRows(
            unique, fetch: { try await repository.fetchAccounts($0.map { Account.ID($0) }) },
            columns: ImportKind.accounts.columns, idColumn: "account_id", id: \.id.rawValue,
            encode: { [AccountRow.encode($0)] })
        candidates = run.withoutRejected(candidates)
        let outsideParents = Set(candidates.compactMap(\.value.parentID)).subtracting(candidates.map(\.value.id))
        let storedParents = Set(try await repository.fetchAccounts(Array(outsideParents)).map(\.id))
        rejectCycles(&candidates, run: &run)
        // A child whose parent was rejected is rejected too, until nothing changes.
        while true {
            let valid = Set(candidates.map(\.value.id))
            let orphans = candidates.filter { row in
                row.value.parentID.map { !valid.contains($0) && !storedParents.contains($0) } ?? false
            }
            guard !orphans.isEmpty else { break }
            for row in orphans { run.reject(row.line, "parent_id", "unknown account \(row.value.parentID!)") }
            candidates = run.withoutRejected(candidates)
        }
        return candidates
    }

    private func rejectCycles(_ candidates: inout [ParsedRow<Account>], run: inout ImportRun) {
        let parentOf = Dictionary(candidates.map { ($0.value.id, $0.value.parentID) }, uniquingKeysWith: { a, _ in a })
        for row in candidates {
            var current = row.value.parentID
            var steps = 0
            while let id = current, steps <= candidates.count {
                if id == row.value.id {
                    run.reject(row.line, "parent_id", "parent chain of \(row.value.id) loops back to itself")
                    break
                }
                current = parentOf[id] ?? nil
                steps += 1
            }
        }
        candidates = run.withoutRejected(candidates)
    }
}
