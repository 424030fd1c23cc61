/// Money a new client pays up front for a job (policy: 50 %), applied to that job's final invoice.
public struct Deposit: Hashable, Sendable, Identifiable {
    public typealias ID = Identifier<Deposit>

    public var id: ID
    public var accountID: Account.ID
    public var jobID: Job.ID
    public var receivedOn: Day
    public var amount: Money

    public init(id: ID, accountID: Account.ID, jobID: Job.ID, receivedOn: Day, amount: Money) {
        self.id = id
        self.accountID = accountID
        self.jobID = jobID
        self.receivedOn = receivedOn
        self.amount = amount
    }
}
