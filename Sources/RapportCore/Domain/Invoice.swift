/// A bill to an account: lines (each may name a location), a due date and, optionally, the job it bills.
///
/// The invoice holds no balance: what is still open is derived from its allocations (see `Ledger`).
public struct Invoice: Hashable, Sendable, Identifiable {
    public typealias ID = Identifier<Invoice>

    public let id: ID
    public let accountID: Account.ID
    public let issueDate: Day
    public let dueDate: Day
    public let currency: Currency
    public let lines: [InvoiceLine]
    public let jobID: Job.ID?
    /// The sum of the lines, checked for overflow when the invoice was made.
    public let total: Money

    /// Validates the invoice: at least one line, one currency, due on or after issue, no overflow.
    public init(
        id: ID, accountID: Account.ID, issueDate: Day, dueDate: Day, lines: [InvoiceLine], jobID: Job.ID? = nil
    ) throws(LedgerError) {
        guard let first = lines.first else { throw .emptyInvoice(id) }
        guard dueDate >= issueDate else { throw .dueBeforeIssue(id) }
        var total = Money.zero(first.amount.currency)
        do {
            for line in lines { total = try total.adding(line.amount) }
        } catch {
            throw .money(error)
        }
        self.id = id
        self.accountID = accountID
        self.issueDate = issueDate
        self.dueDate = dueDate
        self.currency = first.amount.currency
        self.lines = lines
        self.jobID = jobID
        self.total = total
    }

    /// The day collection contacts may start under the account's terms.
    public func collectionStart(terms: Terms) -> Day { terms.collectionStart(issuedOn: issueDate) }
}

/// One line of an invoice: what was billed, where, and for how much (negative for a discount).
public struct InvoiceLine: Hashable, Sendable {
    public var locationID: Location.ID?
    public var description: String
    public var amount: Money

    public init(locationID: Location.ID? = nil, description: String = "", amount: Money) {
        self.locationID = locationID
        self.description = description
        self.amount = amount
    }
}
