import RapportCore

/// A row of `invoices` (the header; lines are `InvoiceLineRecord`s).
struct InvoiceRecord: Codable, Sendable {
    var id: String
    var accountId: String
    var issueDate: String
    var dueDate: String
    var currency: String
    var totalMinor: Int64
    var jobId: String?

    init(_ invoice: Invoice) {
        id = invoice.id.rawValue
        accountId = invoice.accountID.rawValue
        issueDate = invoice.issueDate.isoString
        dueDate = invoice.dueDate.isoString
        currency = invoice.currency.code
        totalMinor = invoice.total.minorUnits
        jobId = invoice.jobID?.rawValue
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
struct InvoiceLineRecord: Codable, Sendable {
    var invoiceId: String
    var lineNo: Int
    var locationId: String?
    var description: String
    var amountMinor: Int64

    init(invoiceID: Invoice.ID, number: Int, line: InvoiceLine) {
        invoiceId = invoiceID.rawValue
        lineNo = number
        locationId = line.locationID?.rawValue
        description = line.description
        amountMinor = line.amount.minorUnits
    }

    func toDomain(currency: Currency) -> InvoiceLine {
        InvoiceLine(
            locationID: locationId.map { Location.ID($0) }, description: description,
            amount: Money(minorUnits: amountMinor, currency: currency))
    }
}
