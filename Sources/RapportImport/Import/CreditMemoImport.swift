import RapportCore

/// Checks the rows of `credit_memos.csv` like payments: repeats, already-stored memos, known
/// accounts, and a named invoice of the same account and currency.
struct CreditMemoImport {
    let memos: any ImportLookup
    let accounts: any ImportLookup
    let invoices: any ImportLookup

    func prepare(_ source: inout RowSource, run: inout ImportRun) async throws -> [ParsedRow<CreditMemo>] {
        var parsed: [ParsedRow<CreditMemo>] = []
        run.summary.rowsRead = try source.forEachRow { reader in
            do { parsed.append(ParsedRow(line: reader.line, value: try CreditMemoRow.decode(reader))) } catch let error as RowError {
                run.errors.append(error)
            }
        }
        let unique = run.dedupe(parsed, idColumn: "credit_memo_id", id: \.id.rawValue)
        let fresh = try await run.newRows(
            unique, fetch: { try await memos.fetchCreditMemos($0.map { CreditMemo.ID($0) }) },
            columns: ImportKind.creditMemos.columns, idColumn: "credit_memo_id", id: \.id.rawValue,
            encode: { [CreditMemoRow.encode($0)] })
        let known = Set(try await accounts.fetchAccounts(Array(Set(fresh.map(\.value.accountID)))).map(\.id))
        let named = try await invoices.fetchInvoices(Array(Set(fresh.compactMap(\.value.invoiceID))))
        let invoiceByID = Dictionary(uniqueKeysWithValues: named.map { ($0.id, $0) })
        for row in fresh {
            PaymentImport.checkCredit(
                line: row.line, account: row.value.accountID, amount: row.value.amount, invoiceID: row.value.invoiceID,
                what: "credit memo", known: known, invoices: invoiceByID, run: &run)
        }
        return run.withoutRejected(fresh)
    }
}
