import RapportCore

/// Checks the rows of `payments.csv`: repeats, already-stored payments, known accounts, and a named
/// invoice that exists, belongs to the paying account and is in the payment's currency.
struct PaymentImport {
    let payments: any ImportLookup
    let accounts: any ImportLookup
    let invoices: any ImportLookup

    func prepare(_ source: inout RowSource, run: inout ImportRun) async throws -> [ParsedRow<Payment>] {
        var parsed: [ParsedRow<Payment>] = []
        run.summary.rowsRead = try source.forEachRow { reader in
            do { parsed.append(ParsedRow(line: reader.line, value: try PaymentRow.decode(reader))) } catch let error as RowError {
                run.errors.append(error)
            }
        }
        let unique = run.dedupe(parsed, idColumn: "payment_id", id: \.id.rawValue)
        let fresh = try await run.newRows(
            unique, fetch: { try await payments.fetchPayments($0.map { Payment.ID($0) }) },
            columns: ImportKind.payments.columns, idColumn: "payment_id", id: \.id.rawValue,
            encode: { [PaymentRow.encode($0)] })
        let known = Set(try await accounts.fetchAccounts(Array(Set(fresh.map(\.value.accountID)))).map(\.id))
        let named = try await invoices.fetchInvoices(Array(Set(fresh.compactMap(\.value.invoiceID))))
        let invoiceByID = Dictionary(uniqueKeysWithValues: named.map { ($0.id, $0) })
        for row in fresh {
            Self.checkCredit(
                line: row.line, account: row.value.accountID, amount: row.value.amount, invoiceID: row.value.invoiceID,
                what: "payment", known: known, invoices: invoiceByID, run: &run)
        }
        return run.withoutRejected(fresh)
    }

    /// Rejects a payment or credit memo whose account is unknown, or whose named invoice is unknown,
    /// another account's or in another currency.
    static func checkCredit(
        line: Int, account: Account.ID, amount: Money, invoiceID: Invoice.ID?, what: String, known: Set<Account.ID>,
        invoices: [Invoice.ID: Invoice], run: inout ImportRun
    ) {
        guard known.contains(account) else {
            run.reject(line, "account_id", "unknown account \(account)")
            return
        }
        guard let invoiceID else { return }
        guard let invoice = invoices[invoiceID] else {
            run.reject(line, "invoice_id", "unknown invoice \(invoiceID)")
            return
        }
        if invoice.accountID != account {
            run.reject(line, "invoice_id", "invoice \(invoiceID) belongs to account \(invoice.accountID)")
        } else if invoice.currency != amount.currency {
            run.reject(line, "currency", "\(what) in \(amount.currency) but invoice \(invoiceID) is in \(invoice.currency)")
        }
    }
}
