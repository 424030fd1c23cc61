import RapportCore

/// Groups the lines of `invoices.csv` into invoices: lines sharing an `invoice_id` must agree on
/// the account, dates, currency and job; the due date defaults from the account's terms.
enum InvoiceAssembler {
    /// Returns the invoices in order of first appearance, and an error per invoice that is wrong.
    /// `terms` gives an account's terms, or nil when the account is unknown.
    static func assemble(
        _ rows: [InvoiceLineRow], file: String, terms: (Account.ID) -> Terms?
    ) -> (invoices: [ParsedRow<Invoice>], errors: [RowError]) {
        var order: [Invoice.ID] = []
        var groups: [Invoice.ID: [InvoiceLineRow]] = [:]
        for row in rows {
            if groups[row.invoiceID] == nil { order.append(row.invoiceID) }
            groups[row.invoiceID, default: []].append(row)
        }
        var invoices: [ParsedRow<Invoice>] = []
        var errors: [RowError] = []
        for id in order {
            do {
                invoices.append(try invoice(from: groups[id]!, file: file, terms: terms))
            } catch {
                errors.append(error)
            }
        }
        return (invoices, errors)
    }

    private static func invoice(
        from rows: [InvoiceLineRow], file: String, terms: (Account.ID) -> Terms?
    ) throws(RowError) -> ParsedRow<Invoice> {
        let first = rows[0]
        func fail(_ row: InvoiceLineRow, _ field: String, _ reason: String) -> RowError {
            RowError(file: file, line: row.line, field: field, reason: reason)
        }
        for row in rows.dropFirst() {
            let seeLine = "differs from line \(first.line) of invoice \(first.invoiceID)"
            if row.accountID != first.accountID { throw fail(row, "account_id", seeLine) }
            if row.issueDate != first.issueDate { throw fail(row, "issue_date", seeLine) }
            if row.dueDate != first.dueDate { throw fail(row, "due_date", seeLine) }
            if row.jobID != first.jobID { throw fail(row, "job_id", seeLine) }
            if row.item.amount.currency != first.item.amount.currency { throw fail(row, "currency", seeLine) }
        }
        guard let accountTerms = terms(first.accountID) else {
            throw fail(first, "account_id", "unknown account \(first.accountID)")
        }
        let dueDate = first.dueDate ?? accountTerms.dueDate(issuedOn: first.issueDate)
        let invoice: Invoice
        do {
            invoice = try Invoice(
                id: first.invoiceID, accountID: first.accountID, issueDate: first.issueDate, dueDate: dueDate,
                lines: rows.map(\.item), jobID: first.jobID)
        } catch {
            throw fail(first, "amount", error.description)
        }
        guard invoice.total.isPositive else {
            throw fail(first, "amount", "the invoice total \(invoice.total.decimalString) must be greater than zero")
        }
        return ParsedRow(line: first.line, value: invoice)
    }
}
