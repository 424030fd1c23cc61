/// Each account's risk from the trained model: the highest predicted probability among its open
/// invoices, with that invoice's top three factors ("+past_days_beyond_terms").
public struct AccountRisk: Sendable {
    public private(set) var probability: [Account.ID: Double] = [:]
    public private(set) var factors: [Account.ID: [String]] = [:]

    /// `history` holds the accounts' invoices (paid and open) for the features; `open` the invoices
    /// open on the queue day that are scored.
    public init(model: LogisticModel, history: [RiskTraining.InvoiceFacts], open: [Invoice.ID], accounts: [Account.ID: Account],
                cases: [Case], jobs: [Job.ID: Job]) {
        let inputs = RiskTraining.inputs(invoices: history, accounts: accounts, cases: cases, jobs: jobs)
        let accountOf = Dictionary(history.map { ($0.id, $0.accountID) }, uniquingKeysWith: { first, _ in first })
        for invoice in open.sorted() {
            guard let input = inputs[invoice], let account = accountOf[invoice] else { continue }
            let vector = RiskFeatures.vector(input)
            let value = model.probability(vector)
            if value > (probability[account] ?? -1) {
                probability[account] = value
                factors[account] = model.topContributions(vector).map { ($0.value >= 0 ? "+" : "-") + $0.feature }
            }
        }
    }
}
