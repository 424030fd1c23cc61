import RapportCore

/// Checks the rows of `invoices.csv`: lines grouped into invoices, known accounts, locations that
/// belong to the invoice's account, repeats and already-stored invoices. A bad line rejects its
/// whole invoice.
struct InvoiceImport {
    let invoices: any ImportLookup
    let accounts: any ImportLookup
    let locations: any ImportLookup

    func prepare(_ source: inout RowSource, run: inout ImportRun) async throws -> [ParsedRow<Invoice>] {
        var lines: [InvoiceLineRow] = []
        var poisoned: [String: Int] = [:]
        run.summary.rowsRead = try source.forEachRow { reader in
            do { lines.append(try InvoiceLineRow.decode(reader)) } catch let error as RowError {
                run.errors.append(error)
                if let id = reader.optional("invoice_id"), poisoned[id] == nil { poisoned[id] = reader.line }
            }
        }
        lines = try await checkLocations(lines, poisoned: &poisoned, run: &run)
        let accountIDs = Array(Set(lines.map(\.accountID)))
        let terms = Dictionary(uniqueKeysWithValues: try await accounts.fetchAccounts(accountIDs).map { ($0.id, $0.terms) })
        let assembled = InvoiceAssembler.assemble(lines, file: run.file) { terms[$0] }
        run.errors += assembled.errors
        var candidates: [ParsedRow<Invoice>] = []
        for row in assembled.invoices {
            if let badLine = poisoned[row.value.id.rawValue] {
                if badLine != row.line {
                    run.reject(row.line, "invoice_id", "invoice \(row.value.id) has an invalid line (line \(badLine))")
                }
            } else {
                candidates.append(row)
            }
        }
        return try await run.newRows(
            candidates, fetch: { try await invoices.fetchInvoices($0.map { Invoice.ID($0) }) },
            columns: ImportKind.invoices.columns, idColumn: "invoice_id", id: \.id.rawValue,
            encode: InvoiceLineRow.encode, weight: \.lines.count)
    }

    /// Drops lines whose location is unknown or another account's, poisoning their invoice.
    private func checkLocations(
        _ lines: [InvoiceLineRow], poisoned: inout [String: Int], run: inout ImportRun
    ) async throws -> [InvoiceLineRow] {
        let ids = Set(lines.compactMap(\.item.locationID))
        let owner = Dictionary(uniqueKeysWithValues: try await locations.fetchLocations(Array(ids)).map { ($0.id, $0.accountID) })
        return lines.filter { line in
            guard let location = line.item.locationID else { return true }
            let reason: String
            if let account = owner[location] {
                guard account != line.accountID else { return true }
                reason = "location \(location) belongs to account \(account)"
            } else {
                reason = "unknown location \(location)"
            }
            run.reject(line.line, "location_id", reason)
            if poisoned[line.invoiceID.rawValue] == nil { poisoned[line.invoiceID.rawValue] = line.line }
            return false
        }
    }
}
