/// One bank detail as Rapport keeps it: where it came from, what the matcher proposed, and what
/// became of it (applied, waiting for a person, rejected, or not for applying at all).
public struct CashItem: Hashable, Sendable {
    /// What became of the detail.
    public enum State: String, Hashable, Sendable, CaseIterable {
        /// Applied to invoices (or kept as unapplied cash on its customer) — automatically or by a person.
        case applied
        /// Waits for a person: `rapport cash exceptions`, the web's `/cash`.
        case waiting
        /// A person decided it is not to be applied.
        case rejected
        /// Booked pending: never applied; read again when the bank books it.
        case pending
        /// Money going out, or a reversal: nothing to apply.
        case outgoing
    }

    /// "BD000001".
    public var id: String
    public var fileID: String
    /// The bank account of the statement it is on.
    public var statementAccount: String
    public var bookedOn: Day?
    public var valueOn: Day?
    public var status: BankEntry.Status
    public var reversal: Bool
    public var bankReference: String?
    public var transactionCode: String?
    public var detail: BankDetail
    public var state: State
    /// What the matcher proposed (nil for what is not matched: pending, outgoing).
    public var proposal: CashProposal?
    public var decidedBy: String?
    public var decidedAt: Instant?

    public init(
        id: String, fileID: String, statementAccount: String, bookedOn: Day?, valueOn: Day?, status: BankEntry.Status,
        reversal: Bool, bankReference: String?, transactionCode: String?, detail: BankDetail, state: State,
        proposal: CashProposal? = nil, decidedBy: String? = nil, decidedAt: Instant? = nil
    ) {
        self.id = id
        self.fileID = fileID
        self.statementAccount = statementAccount
        self.bookedOn = bookedOn
        self.valueOn = valueOn
        self.status = status
        self.reversal = reversal
        self.bankReference = bankReference
        self.transactionCode = transactionCode
        self.detail = detail
        self.state = state
        self.proposal = proposal
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
    }

    /// The key that makes a re-sent entry the same one: account, bank reference, amount, booking day,
    /// and the detail's place in its entry (several details share one entry).
    public static func entryKey(account: String, entry: BankEntry, detailIndex: Int, fallback: String) -> String {
        [account, entry.bankReference ?? fallback, entry.amount.decimalString, entry.amount.currency.code,
         entry.bookedOn?.isoString ?? "-", String(detailIndex)].joined(separator: "|")
    }

    /// Whether a detail is for applying: booked, incoming, not a reversal.
    public static func state(of entry: BankEntry, detail: BankDetail) -> State {
        if entry.status == .pending { return .pending }
        if entry.reversal || !detail.amount.isPositive || !entry.amount.isPositive { return .outgoing }
        return .waiting
    }
}
