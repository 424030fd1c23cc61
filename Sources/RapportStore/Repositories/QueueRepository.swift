import RapportCore

/// What the queue needs from the store for one specialist and day.
public struct QueueData: Sendable {
    public var input: QueueInput
    /// Per account of the specialist, how many invoices were paid in cash up to the day and how many of them late.
    public var paidCounts: [Account.ID: (paid: Int, late: Int)]
    /// The share of all paid invoices in the ledger paid late (nil with none paid).
    public var ledgerLateShare: Double?
    /// Every invoice of the specialist's accounts issued by the day, for the model's features.
    public var history: [RiskTraining.InvoiceFacts]
    /// The newest trained late-payment model, if any.
    public var model: RiskTraining.Result?

    public init(
        input: QueueInput, paidCounts: [Account.ID: (paid: Int, late: Int)], ledgerLateShare: Double?,
        history: [RiskTraining.InvoiceFacts], model: RiskTraining.Result?
    ) {
        self.input = input
        self.paidCounts = paidCounts
        self.ledgerLateShare = ledgerLateShare
        self.history = history
        self.model = model
    }
}

/// Loads a specialist's accounts, open invoices, jobs, cases, touches and promises for the queue.
public protocol QueueRepository: Sendable {
    /// Everything the playbook needs for `specialist` on `day` but the touches; nil when no account is assigned to them.
    /// Without a risk model, only the jobs a task can concern are read: those of the open
    /// invoices, those not billed off, and those billed off on or after `jobsBilledOffFrom`
    /// (Core's `Queue.jobsBilledOffFrom`); with one, every job (the model's features read them).
    func fetchQueueData(specialist: String, day: Day, jobsBilledOffFrom: Day) async throws -> QueueData?
    /// The touches of each account of `starts` from its day through `through`, oldest first.
    func fetchTouches(from starts: [Account.ID: Day], through: Day) async throws -> [Interaction]
    /// For each of `accounts` and each of `purposes`, the latest touch through `through` that
    /// reached the customer (of several that day, the highest id).
    func fetchLatestTouches(accounts: [Account.ID], purposes: [Interaction.Purpose], through: Day) async throws -> [Interaction]
    /// The touches made through `through` that named a next contact day on or after `from` (any
    /// account), with that day: what the queue's call-backs are made of.
    func fetchCallBacks(from: Day, through: Day) async throws -> [Interaction]
    /// The specialists with at least one account, sorted.
    func fetchSpecialists() async throws -> [String]
}

extension QueueRepository {
    /// The queue data with every job of the specialist's accounts.
    public func fetchQueueData(specialist: String, day: Day) async throws -> QueueData? {
        try await fetchQueueData(specialist: specialist, day: day, jobsBilledOffFrom: .earliest)
    }
}
