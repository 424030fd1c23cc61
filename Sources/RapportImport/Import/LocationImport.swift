import RapportCore

/// Checks the rows of `locations.csv`: repeats, already-stored locations, known accounts.
struct LocationImport {
    let locations: any ImportLookup
    let accounts: any ImportLookup

    func prepare(_ source: inout RowSource, run: inout ImportRun) async throws -> [ParsedRow<Location>] {
        var parsed: [ParsedRow<Location>] = []
        run.summary.rowsRead = try source.forEachRow { reader in
            do { parsed.append(ParsedRow(line: reader.line, value: try LocationRow.decode(reader))) } catch let error as RowError {
                run.errors.append(error)
            }
        }
        let unique = run.dedupe(parsed, idColumn: "location_id", id: \.id.rawValue)
        let fresh = try await run.newRows(
            unique, fetch: { try await locations.fetchLocations($0.map { Location.ID($0) }) },
            columns: ImportKind.locations.columns, idColumn: "location_id", id: \.id.rawValue,
            encode: { [LocationRow.encode($0)] })
        let known = Set(try await accounts.fetchAccounts(Array(Set(fresh.map(\.value.accountID)))).map(\.id))
        for row in fresh where !known.contains(row.value.accountID) {
            run.reject(row.line, "account_id", "unknown account \(row.value.accountID)")
        }
        return run.withoutRejected(fresh)
    }
}
