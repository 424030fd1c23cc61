/// Builds a queue ranked by the best risk estimate at hand: the trained model for the accounts it
/// can score (those with open invoices), the late-payment baseline for the rest.
public enum QueueRanking {
    /// The playbook's tasks for `input`, ranked with `model` when there is one, else `baseline`
    /// (the accounts' paid history against the ledger's overall late share).
    public static func tasks(
        _ input: QueueInput, playbook: Playbook, baseline: LatePaymentBaseline, history: [RiskTraining.InvoiceFacts], model: LogisticModel?
    ) -> [QueueTask] {
        guard let model else { return Queue(playbook: playbook).tasks(input, risk: baseline.risk) }
        let scored = AccountRisk(
            model: model, history: history, open: input.invoices.filter(\.open.isPositive).map(\.id),
            accounts: Dictionary(input.accounts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }), cases: input.cases,
            jobs: Dictionary(input.jobs.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }))
        return Queue(playbook: playbook).tasks(
            input, risk: { scored.probability[$0] ?? baseline.risk($0) }, factors: { scored.factors[$0] ?? [] })
    }
}
