/// An invoice as the queue sees it: its days, total, what is open on the queue day, its job.
public struct QueueInvoice: Hashable, Sendable {
    public var id: Invoice.ID
    public var accountID: Account.ID
    public var issueDate: Day
    public var dueDate: Day
    public var collectionStart: Day
    public var total: Money
    public var open: Money
    public var jobID: Job.ID?
    /// True for the account's first invoice (the new-client courtesy call).
    public var isFirstOfAccount: Bool

    public init(
        id: Invoice.ID, accountID: Account.ID, issueDate: Day, dueDate: Day, collectionStart: Day, total: Money,
        open: Money, jobID: Job.ID? = nil, isFirstOfAccount: Bool = false
    ) {
        self.id = id
        self.accountID = accountID
        self.issueDate = issueDate
        self.dueDate = dueDate
        self.collectionStart = collectionStart
        self.total = total
        self.open = open
        self.jobID = jobID
        self.isFirstOfAccount = isFirstOfAccount
    }
}

/// Everything the playbook looks at to build one specialist's queue for one day.
public struct QueueInput: Sendable {
    public var day: Day
    /// The specialist's accounts.
    public var accounts: [Account]
    /// Their invoices issued on or before the day (paid ones may be left out).
    public var invoices: [QueueInvoice]
    /// Their jobs, with follow-up items.
    public var jobs: [Job]
    public var cases: [Case]
    public var interactions: [Interaction]
    public var promises: [PromiseToPay]
    public var payments: [Payment]
    public var creditReviews: [CreditReview]
    public var deposits: [Deposit]
    /// Their payment arrangements (the payments list must cover the days since each was agreed).
    public var arrangements: [PaymentArrangement]
    /// Payment allocations to the arranged invoices since each arrangement was agreed.
    public var arrangementAllocations: [Allocation]

    public init(
        day: Day, accounts: [Account], invoices: [QueueInvoice] = [], jobs: [Job] = [], cases: [Case] = [],
        interactions: [Interaction] = [], promises: [PromiseToPay] = [], payments: [Payment] = [],
        creditReviews: [CreditReview] = [], deposits: [Deposit] = [],
        arrangements: [PaymentArrangement] = [], arrangementAllocations: [Allocation] = []
    ) {
        self.day = day
        self.accounts = accounts
        self.invoices = invoices
        self.jobs = jobs
        self.cases = cases
        self.interactions = interactions
        self.promises = promises
        self.payments = payments
        self.creditReviews = creditReviews
        self.deposits = deposits
        self.arrangements = arrangements
        self.arrangementAllocations = arrangementAllocations
    }
}
