/// How the receivables team works in a simulation: the playbook it follows.
public enum SimulationPolicy: String, CaseIterable, Sendable {
    /// Collectors: the first contact at the collection start (net-30), again every 30 days while
    /// the invoice is open; a problem surfaces only when a contacted customer raises it.
    case traditional
    /// Client-relations specialists: the standard playbook (check-ins after billed-off, courtesy
    /// calls, first contact, cases past SLA, key-account reviews, credit reviews), and hardship
    /// resolved by moving the customer to monthly billing.
    case clientRelations = "client-relations"

    /// The playbook the policy runs, with the check-in `checkInDays` after billed-off.
    public func playbook(checkInDays: Int) -> Playbook {
        switch self {
        case .traditional:
            let first = Playbook.standard.rules.filter { $0.trigger == .collectionStart }
            return Playbook(version: Playbook.standard.version, rules: first)
        case .clientRelations:
            var playbook = Playbook.standard
            for index in playbook.rules.indices where playbook.rules[index].trigger == .billedOff {
                playbook.rules[index].offsetDays = checkInDays
            }
            return playbook
        }
    }

    /// Whether hardship ends in a billing-frequency change (the account is kept) rather than late,
    /// partial payment.
    public var movesHardshipToMonthly: Bool { self == .clientRelations }
}
