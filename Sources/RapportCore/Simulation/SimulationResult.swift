/// What one simulated policy achieved over the measured months: the receivables metrics, computed
/// by `ReceivableMetrics` from the simulated ledger exactly as for real data, and the workflow counts.
public struct SimulationResult: Sendable {
    public var policy: SimulationPolicy
    public var accounts: Int
    public var months: Int
    /// The measured period: the last 12 simulated months (all of them when fewer).
    public var period: Period
    public var metrics: ReceivableMetrics
    /// Cases opened in the period.
    public var casesOpened: Int
    /// Touches in the period that found a problem before the invoice's collection start.
    public var issuesFoundBeforeCollectionStart: Int
    /// Fixed-income (hardship) accounts still customers at the end of the period.
    public var accountsRetained: Int

    /// Measures `ledger` over its last 12 months (or all of it).
    public init(policy: SimulationPolicy, parameters: SimulationParameters, ledger: SimulatedLedger) {
        self.policy = policy
        accounts = parameters.accounts
        months = parameters.months
        let from = max(ledger.firstDay, ledger.lastDay.adding(days: 1).adding(months: -12))
        period = try! Period(from: from, to: ledger.lastDay)
        let facts = ReceivableFacts(
            currency: .usd, invoices: ledger.invoices, payments: ledger.payments, creditMemos: ledger.creditMemos,
            deposits: ledger.deposits, allocations: ledger.allocations)
        metrics = ReceivableMetrics(facts, period: period)
        let period = self.period
        casesOpened = ledger.cases.filter { period.contains($0.openedOn) }.count
        issuesFoundBeforeCollectionStart = ledger.earlyFindings.filter { period.contains($0) }.count
        accountsRetained = ledger.accounts.filter { account in
            account.hasHardship && (account.openedOn ?? ledger.firstDay) <= period.to
                && (ledger.disconnected[account.id].map { $0 > period.to } ?? true)
        }.count
    }
}
