import RapportCore
import RapportStore

/// Checks the rows of `locations.csv`: repeats, already-stored locations, known accounts.
struct LocationImport {
    let locations: any LocationRepository
    let accounts: any AccountRepository

    func prepare(_ readers: [RowReader], run: inout ImportRun) async throws -> [ParsedRow<Location>] {
        var parsed: [ParsedRow<Location>] = []
        for reader in readers {
            do { parsed.append(ParsedRow(line: reader.line, value: try LocationRow.decode(reader))) } catch {
                run.errors.append(error)
            }
        }
        let unique = run.dedupe(parsed, idColumn: "location_id", id: \.id.rawValue)
        let stored = try await locations.fetchLocations(unique.map(\.value.id))
        let fresh = run.newRows(
            unique, stored: Dictionary(uniqueKeysWithValues: stored.map { ($0.id.rawValue, $0) }),
            columns: ImportKind.locations.columns, idColumn: "location_id", id: \.id.rawValue,
            encode: { [LocationRow.encode($0)] })
        let known = Set(try await accounts.fetchAccounts(Array(Set(fresh.map(\.value.accountID)))).map(\.id))
        for row in fresh where !known.contains(row.value.accountID) {
            run.reject(row.line, "account_id", "unknown account \(row.value.accountID)")
        }
        return run.withoutRejected(fresh)
    }
}
