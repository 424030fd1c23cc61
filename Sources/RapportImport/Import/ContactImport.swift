import RapportCore

/// Checks the rows of `contacts.csv`: repeats, already-stored contacts, known accounts, and a
/// location that belongs to the contact's account.
struct ContactImport {
    let contacts: any ImportLookup
    let accounts: any ImportLookup
    let locations: any ImportLookup

    func prepare(_ source: inout RowSource, run: inout ImportRun) async throws -> [ParsedRow<Contact>] {
        var parsed: [ParsedRow<Contact>] = []
        run.summary.rowsRead = try source.forEachRow { reader in
            do { parsed.append(ParsedRow(line: reader.line, value: try ContactRow.decode(reader))) } catch let error as RowError {
                run.errors.append(error)
            }
        }
        let unique = run.dedupe(parsed, idColumn: "contact_id", id: \.id.rawValue)
        let fresh = try await run.newRows(
            unique, fetch: { try await contacts.fetchContacts($0.map { Contact.ID($0) }) },
            columns: ImportKind.contacts.columns, idColumn: "contact_id", id: \.id.rawValue, encode: { [ContactRow.encode($0)] })
        let known = Set(try await accounts.fetchAccounts(Array(Set(fresh.map(\.value.accountID)))).map(\.id))
        let owner = Dictionary(uniqueKeysWithValues: try await locations.fetchLocations(
            Array(Set(fresh.compactMap(\.value.locationID)))).map { ($0.id, $0.accountID) })
        for row in fresh {
            guard known.contains(row.value.accountID) else {
                run.reject(row.line, "account_id", "unknown account \(row.value.accountID)")
                continue
            }
            guard let location = row.value.locationID else { continue }
            if let account = owner[location] {
                if account != row.value.accountID { run.reject(row.line, "location_id", "location \(location) belongs to account \(account)") }
            } else {
                run.reject(row.line, "location_id", "unknown location \(location)")
            }
        }
        return run.withoutRejected(fresh)
    }
}
