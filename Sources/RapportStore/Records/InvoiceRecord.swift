import RapportCore
import SQLKit

/// A row of `invoices` (the header; lines are `InvoiceLineRecord`s).
struct InvoiceRecord: BulkRow {
    var id: String
    var accountId: String
    var issueDate: String
    var dueDate: String
    /// The first collection day under the account's terms when the invoice was written.
    var collectionStart: String
    var currency: String
    var totalMinor: Int64
    var jobId: String?

    static let columns = [
        "id", "account_id", "issue_date", "due_date", "collection_start", "currency", "total_minor", "job_id",
    ]

    var sqlValues: [any SQLExpression] {
        [sqlValue(id), sqlValue(accountId), sqlValue(issueDate), sqlValue(dueDate), sqlValue(collectionStart),
         sqlValue(currency), sqlValue(totalMinor), sqlValue(jobId)]
    }

    init(_ invoice: Invoice, terms: Terms) {
        id = invoice.id.rawValue
        accountId = invoice.accountID.rawValue
        issueDate = invoice.issueDate.isoString
        dueDate = invoice.dueDate.isoString
        collectionStart = invoice.collectionStart(terms: terms).isoString
        currency = invoice.currency.code
        totalMinor = invoice.total.minorUnits
        jobId = invoice.jobID?.rawValue
    }

    init(row: Cells) throws {
        id = try row.text("id")
        accountId = try row.text("account_id")
        issueDate = try row.text("issue_date")
        dueDate = try row.text("due_date")
        collectionStart = try row.text("collection_start")
        currency = try row.text("currency")
        totalMinor = try row.integer("total_minor")
        jobId = try row.optionalText("job_id")
    }

    /// Rebuilds the invoice from its header and its lines in line order.
    func toDomain(lines: [InvoiceLineRecord]) throws -> Invoice {
        let currency = try Currency(currency)
        let invoice = try Invoice(
            id: Invoice.ID(id), accountID: Account.ID(accountId), issueDate: try Day(iso: issueDate),
            dueDate: try Day(iso: dueDate),
            lines: lines.sorted { $0.lineNo < $1.lineNo }.map { $0.toDomain(currency: currency) },
            jobID: jobId.map { Job.ID($0) })
        guard invoice.total.minorUnits == totalMinor else {
            throw CorruptRecord(table: "invoices", id: id, reason: "total_minor \(totalMinor) is not the sum of its lines")
        }
        return invoice
    }
}

/// A row of `invoice_lines`.
struct InvoiceLineRecord: BulkRow {
    var invoiceId: String
    var lineNo: Int
    var locationId: String?
    var description: String
    var amountMinor: Int64

    static let columns = ["invoice_id", "line_no", "location_id", "description", "amount_minor"]

    var sqlValues: [any SQLExpression] {
        [sqlValue(invoiceId), sqlValue(lineNo), sqlValue(locationId), sqlValue(description), sqlValue(amountMinor)]
    }

    init(invoiceID: Invoice.ID, number: Int, line: InvoiceLine) {
        invoiceId = invoiceID.rawValue
        lineNo = number
        locationId = line.locationID?.rawValue
        description = line.description
        amountMinor = line.amount.minorUnits
    }

    init(row: Cells) throws {
        invoiceId = try row.text("invoice_id")
        lineNo = try row.int("line_no")
        locationId = try row.optionalText("location_id")
        description = try row.text("description")
        amountMinor = try row.integer("amount_minor")
    }

    func toDomain(currency: Currency) -> InvoiceLine {
        InvoiceLine(
            locationID: locationId.map { Location.ID($0) }, description: description,
            amount: Money(minorUnits: amountMinor, currency: currency))
    }
}
