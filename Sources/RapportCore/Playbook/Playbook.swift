/// The rules that create queue tasks, versioned; the defaults come from the case study and an
/// install can replace them with its own JSON (`rapport playbook export` writes these).
public struct Playbook: Hashable, Sendable, Codable {
    public var version: Int
    public var rules: [PlaybookRule]

    public init(version: Int, rules: [PlaybookRule]) {
        self.version = version
        self.rules = rules
    }

    /// Check-in 8 days after billed-off; courtesy calls on a new client's first invoice (5 days)
    /// and on invoices of 5,000.00 or more (10 days); first contact at the collection start, again every
    /// 30 days after reaching the customer while the invoice is open; promise
    /// follow-up the day after; cases past SLA; key-account review every 90 days; credit review for
    /// new contractors; missing deposits on new clients' jobs; a missed arrangement installment the day after.
    public static let standard = Playbook(version: 1, rules: [
        PlaybookRule(id: "check-in", trigger: .billedOff, offsetDays: 8, purpose: .checkIn),
        PlaybookRule(id: "new-client-courtesy", trigger: .newClientFirstInvoice, offsetDays: 5, purpose: .earlyContact),
        PlaybookRule(id: "large-invoice-courtesy", trigger: .largeInvoice, offsetDays: 10, purpose: .earlyContact, threshold: "5000.00"),
        PlaybookRule(id: "first-contact", trigger: .collectionStart, offsetDays: 0, purpose: .reminder, intervalDays: 30),
        PlaybookRule(id: "promise-follow-up", trigger: .promiseDue, offsetDays: 1, purpose: .followUp),
        PlaybookRule(id: "case-past-sla", trigger: .casePastSLA, offsetDays: 0, purpose: .followUp),
        PlaybookRule(id: "key-account-review", trigger: .keyAccountReview, offsetDays: 0, purpose: .keyAccountVisit, intervalDays: 90),
        PlaybookRule(id: "contractor-credit-review", trigger: .newContractor, offsetDays: 0, segments: [.contractor], purpose: .followUp),
        PlaybookRule(id: "deposit-missing", trigger: .depositMissing, offsetDays: 0, purpose: .followUp),
        PlaybookRule(id: "missed-installment", trigger: .installmentMissed, offsetDays: 1, purpose: .followUp),
        PlaybookRule(id: "call-back", trigger: .nextContact, offsetDays: 0, purpose: .followUp),
    ])
}
