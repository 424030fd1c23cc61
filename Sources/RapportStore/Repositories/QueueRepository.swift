import RapportCore

/// What the queue needs from the store for one specialist and day.
public struct QueueData: Sendable {
    public var input: QueueInput
    /// The paid invoices of the specialist's accounts up to the day, late or not.
    public var paidHistory: [LatePaymentBaseline.PaidInvoice]
    /// The share of all paid invoices in the ledger paid late (nil with none paid).
    public var ledgerLateShare: Double?
    /// Every invoice of the specialist's accounts issued by the day, for the model's features.
    public var history: [RiskTraining.InvoiceFacts]
    /// The newest trained late-payment model, if any.
    public var model: RiskTraining.Result?

    public init(
        input: QueueInput, paidHistory: [LatePaymentBaseline.PaidInvoice], ledgerLateShare: Double?,
        history: [RiskTraining.InvoiceFacts], model: RiskTraining.Result?
    ) {
        self.input = input
        self.paidHistory = paidHistory
        self.ledgerLateShare = ledgerLateShare
        self.history = history
        self.model = model
    }
}

/// Loads a specialist's accounts, open invoices, jobs, cases, touches and promises for the queue.
public protocol QueueRepository: Sendable {
    /// Everything the playbook needs for `specialist` on `day` but the touches; nil when no account is assigned to them.
    func fetchQueueData(specialist: String, day: Day) async throws -> QueueData?
    /// The accounts' touches from `from` (all when nil) through `through`, oldest first.
    func fetchTouches(accounts: [Account.ID], from: Day?, through: Day) async throws -> [Interaction]
    /// Each account's latest touch through `through` that reached the customer, for each of `purposes`.
    func fetchLatestTouches(accounts: [Account.ID], purposes: [Interaction.Purpose], through: Day) async throws -> [Interaction]
    /// The specialists with at least one account, sorted.
    func fetchSpecialists() async throws -> [String]
}
