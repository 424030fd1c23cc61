/// An invoice's open amount at a moment: what allocation rules need to know about it.
public struct OpenInvoice: Hashable, Sendable {
    public var id: Invoice.ID
    public var accountID: Account.ID
    public var issueDate: Day
    public var jobID: Job.ID?
    public var open: Money

    public init(id: Invoice.ID, accountID: Account.ID, issueDate: Day, jobID: Job.ID? = nil, open: Money) {
        self.id = id
        self.accountID = accountID
        self.issueDate = issueDate
        self.jobID = jobID
        self.open = open
    }

    /// A freshly issued invoice: everything is open.
    public init(_ invoice: Invoice) {
        self.init(id: invoice.id, accountID: invoice.accountID, issueDate: invoice.issueDate, jobID: invoice.jobID, open: invoice.total)
    }
}

/// Unapplied money from a payment, credit memo or deposit: what allocation rules need to know about it.
public struct OpenCredit: Hashable, Sendable {
    public var source: CreditSource
    public var accountID: Account.ID
    /// The day the money arrived or the memo was issued.
    public var day: Day
    public var open: Money

    public init(source: CreditSource, accountID: Account.ID, day: Day, open: Money) {
        self.source = source
        self.accountID = accountID
        self.day = day
        self.open = open
    }
}
