/// A statement for an account and its child accounts as of a day: the open invoices, and their
/// lines grouped by location — the detail a multi-location customer needs to approve payment.
public struct AccountStatement: Hashable, Sendable {
    /// One invoice line on the statement.
    public struct Line: Hashable, Sendable {
        public var invoiceID: Invoice.ID
        public var issueDate: Day
        public var description: String
        public var amount: Money
    }

    /// The lines billed to one location (or to no location).
    public struct Section: Hashable, Sendable {
        public var locationID: Location.ID?
        /// The location's name, or "No location".
        public var name: String
        public var accountID: Account.ID
        public var lines: [Line]
        /// The sum of the lines, per currency.
        public var billed: [Currency: Money]
    }

    /// One open invoice: what it was, what is paid and what is open on the day.
    public struct OpenInvoice: Hashable, Sendable {
        public var invoiceID: Invoice.ID
        public var accountID: Account.ID
        public var issueDate: Day
        public var dueDate: Day
        public var total: Money
        public var open: Money
        public var daysPastDue: Int
    }

    public var accountID: Account.ID
    public var asOf: Day
    public var invoices: [OpenInvoice]
    public var sections: [Section]
    /// What is open across the accounts, per currency (unapplied credit not deducted).
    public var totalOpen: [Currency: Money]

    /// Builds the statement from each account's ledger as of the day, the open invoices' lines and
    /// the location names.
    public init(
        accountID: Account.ID, ledgers: [LedgerReport], invoices: [Invoice], locationNames: [Location.ID: String]
    ) throws(LedgerError) {
        self.accountID = accountID
        asOf = ledgers.first?.asOf ?? Day(daysSinceEpoch: 0)
        let byID = Dictionary(invoices.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var open: [OpenInvoice] = []
        var totals: [Currency: Money] = [:]
        var sections: [String: Section] = [:]
        for ledger in ledgers {
            for line in ledger.invoices where line.open.isPositive {
                open.append(OpenInvoice(
                    invoiceID: line.invoiceID, accountID: ledger.accountID, issueDate: line.issueDate, dueDate: line.dueDate,
                    total: line.total, open: line.open, daysPastDue: line.daysPastDue))
                do { totals[line.open.currency] = try (totals[line.open.currency] ?? .zero(line.open.currency)).adding(line.open) }
                catch { throw .money(error) }
                guard let invoice = byID[line.invoiceID] else { continue }
                for item in invoice.lines {
                    let key = "\(ledger.accountID.rawValue)|\(item.locationID?.rawValue ?? "")"
                    var section = sections[key] ?? Section(
                        locationID: item.locationID,
                        name: item.locationID.map { locationNames[$0] ?? $0.rawValue } ?? "No location",
                        accountID: ledger.accountID, lines: [], billed: [:])
                    section.lines.append(Line(invoiceID: invoice.id, issueDate: invoice.issueDate, description: item.description, amount: item.amount))
                    do { section.billed[item.amount.currency] = try (section.billed[item.amount.currency] ?? .zero(item.amount.currency)).adding(item.amount) }
                    catch { throw .money(error) }
                    sections[key] = section
                }
            }
        }
        self.invoices = open.sorted { ($0.issueDate, $0.invoiceID) < ($1.issueDate, $1.invoiceID) }
        self.sections = sections.values.sorted { a, b in
            (a.accountID.rawValue, a.locationID == nil ? 1 : 0, a.name) < (b.accountID.rawValue, b.locationID == nil ? 1 : 0, b.name)
        }
        totalOpen = totals
    }
}
