import RapportCore

/// One row of `invoices.csv`: a line of an invoice, with the invoice's header fields repeated.
struct InvoiceLineRow: Sendable {
    static let required = ["invoice_id", "account_id", "issue_date", "amount", "currency"]
    static let columns = [
        "invoice_id", "account_id", "issue_date", "due_date", "amount", "currency", "location_id", "job_id", "description",
    ]

    var line: Int
    var invoiceID: Invoice.ID
    var accountID: Account.ID
    var issueDate: Day
    var dueDate: Day?
    var jobID: Job.ID?
    var item: InvoiceLine

    static func decode(_ row: RowReader) throws(RowError) -> InvoiceLineRow {
        let currency = try row.currency("currency")
        let issueDate = try row.day("issue_date")
        let dueDate = try row.optionalDay("due_date")
        if let dueDate, dueDate < issueDate {
            throw row.error("due_date", "\(dueDate) is before the issue date \(issueDate)")
        }
        return InvoiceLineRow(
            line: row.line,
            invoiceID: Invoice.ID(try row.required("invoice_id")),
            accountID: Account.ID(try row.required("account_id")),
            issueDate: issueDate,
            dueDate: dueDate,
            jobID: row.optional("job_id").map { Job.ID($0) },
            item: InvoiceLine(
                locationID: row.optional("location_id").map { Location.ID($0) },
                description: row.optional("description") ?? "",
                amount: try row.money("amount", currency: currency)
            )
        )
    }

    /// The rows of one invoice, one per line.
    static func encode(_ invoice: Invoice) -> [[String]] {
        invoice.lines.map { line in
            [
                invoice.id.rawValue, invoice.accountID.rawValue, invoice.issueDate.isoString,
                invoice.dueDate.isoString, line.amount.decimalString, line.amount.currency.code,
                line.locationID?.rawValue ?? "", invoice.jobID?.rawValue ?? "", line.description,
            ]
        }
    }
}
