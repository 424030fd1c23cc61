/// Everything a simulation produced, as the ledger and workflow values the rest of Rapport uses:
/// what the demo writes to a database and what the metrics are computed from.
public struct SimulatedLedger: Sendable {
    public var accounts: [Account] = []
    public var locations: [Location] = []
    /// Jobs with their follow-up items as they stand at the end of the run.
    public var jobs: [Job] = []
    public var invoices: [Invoice] = []
    public var payments: [Payment] = []
    public var creditMemos: [CreditMemo] = []
    public var deposits: [Deposit] = []
    public var allocations: [Allocation] = []
    public var cases: [Case] = []
    public var interactions: [Interaction] = []
    public var creditReviews: [CreditReview] = []
    public var billingChanges: [BillingChange] = []
    /// The specialists, by user name.
    public var specialists: [String] = []
    /// The days of touches that found a problem before the invoice's collection start.
    public var earlyFindings: [Day] = []
    /// Accounts that cancelled their service, and the day.
    public var disconnected: [Account.ID: Day] = [:]
    /// The first and last simulated days.
    public var firstDay: Day
    public var lastDay: Day

    public init(firstDay: Day, lastDay: Day) {
        self.firstDay = firstDay
        self.lastDay = lastDay
    }
}
