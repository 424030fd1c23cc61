/// One rule of the playbook: when a task is due (a trigger plus an offset in days), for which
/// segments, and what kind of touch it asks for. Rules are data: `Playbook` is Codable JSON.
public struct PlaybookRule: Hashable, Sendable, Codable {
    /// What starts the clock for a rule.
    public enum Trigger: String, CaseIterable, Sendable, Codable {
        /// A job was billed off (the check-in call, 8 days later by default).
        case billedOff = "billed_off"
        /// A new client's first invoice was issued (a courtesy call before collections start).
        case newClientFirstInvoice = "new_client_first_invoice"
        /// An invoice at or above `threshold` was issued (a courtesy call before collections start).
        case largeInvoice = "large_invoice"
        /// An invoice reached its collection start still open (the first contact, net-30).
        case collectionStart = "collection_start"
        /// A promise to pay came due unpaid.
        case promiseDue = "promise_due"
        /// A case went past its SLA.
        case casePastSLA = "case_past_sla"
        /// A key account is due its periodic review (every `intervalDays`).
        case keyAccountReview = "key_account_review"
        /// A touch named a day to contact the customer again (`next_on`): the call back, due that
        /// day; the latest such touch of an account counts, and a reaching touch of the rule's
        /// purpose since the day closes it.
        case nextContact = "next_contact"
        /// A new contractor has no credit review yet.
        case newContractor = "new_contractor"
        /// A new client's job has no deposit yet.
        case depositMissing = "deposit_missing"
        /// An installment of a payment arrangement came due and the payments do not cover it.
        case installmentMissed = "installment_missed"
    }

    public var id: String
    public var trigger: Trigger
    /// Days after the trigger day the task is due.
    public var offsetDays: Int
    /// Only accounts in these segments; nil for all.
    public var segments: [Account.Segment]?
    /// The touch the task asks for.
    public var purpose: Interaction.Purpose
    /// For `large_invoice`: the smallest invoice total, in major units ("5000.00"), read in each
    /// invoice's own currency unless `thresholds` names that currency.
    public var threshold: String?
    /// For `large_invoice`: the smallest total per currency code ({"JPY": "700000", "EUR": "4500.00"}).
    public var thresholds: [String: String]?
    /// For `key_account_review`: days between reviews; for `collection_start`: days after a touch
    /// that reached the customer before the invoice, still open, is contacted again (none: once).
    public var intervalDays: Int?
    /// After an attempt that did not reach the customer, the task comes back this many days later.
    public var retryDays: Int

    public init(
        id: String, trigger: Trigger, offsetDays: Int, segments: [Account.Segment]? = nil, purpose: Interaction.Purpose,
        threshold: String? = nil, intervalDays: Int? = nil, retryDays: Int = 2
    ) {
        self.id = id
        self.trigger = trigger
        self.offsetDays = offsetDays
        self.segments = segments
        self.purpose = purpose
        self.threshold = threshold
        self.intervalDays = intervalDays
        self.retryDays = retryDays
    }

    /// The large-invoice threshold in `currency`: its own entry in `thresholds`, else `threshold`
    /// read in that currency; nil when neither gives an amount that currency can hold.
    public func threshold(in currency: Currency) -> Money? {
        guard let text = thresholds?[currency.code] ?? threshold else { return nil }
        return try? Money.parse(text, currency: currency)
    }

    /// Whether the rule applies to an account of `segment`.
    public func applies(to segment: Account.Segment) -> Bool { segments.map { $0.contains(segment) } ?? true }
}

extension Account.Segment: Codable {}
extension Interaction.Purpose: Codable {}
