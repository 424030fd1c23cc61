/// One task on a specialist's queue: which rule made it, why, for what, and how urgent it is.
public struct QueueTask: Hashable, Sendable {
    public var rule: String
    /// Why the task is there, in words.
    public var reason: String
    public var accountID: Account.ID
    public var invoiceID: Invoice.ID?
    public var jobID: Job.ID?
    public var caseID: Case.ID?
    public var purpose: Interaction.Purpose
    /// The day the task became due.
    public var dueOn: Day
    /// Money the task concerns: the invoice's open amount, the job's open invoices, the case's
    /// amount on hold, or the account's open balance.
    public var atStake: Money
    /// Predicted probability that the account pays late (0–1).
    public var risk: Double
    /// atStake (major units) × risk × urgency, where urgency = 1 + days overdue ÷ 7, at most 5.
    public var priority: Double
    /// Earlier attempts that did not reach the customer.
    public var attempts: Int
    /// The three features that push the risk most, when the risk comes from the trained model.
    public var factors: [String] = []

    public init(
        rule: String, reason: String, accountID: Account.ID, invoiceID: Invoice.ID? = nil, jobID: Job.ID? = nil,
        caseID: Case.ID? = nil, purpose: Interaction.Purpose, dueOn: Day, atStake: Money, risk: Double,
        priority: Double, attempts: Int, factors: [String] = []
    ) {
        self.rule = rule
        self.reason = reason
        self.accountID = accountID
        self.invoiceID = invoiceID
        self.jobID = jobID
        self.caseID = caseID
        self.purpose = purpose
        self.dueOn = dueOn
        self.atStake = atStake
        self.risk = risk
        self.priority = priority
        self.attempts = attempts
        self.factors = factors
    }
}
