/// Predicted probability that an account pays late, from its own paid history: the share of its
/// paid invoices paid late (after their collection start), shrunk toward the ledger-wide share so that an
/// account with little history gets the average rather than 0 or 1.
///
/// p(account) = (late + k · p̄) ÷ (paid + k), with p̄ the ledger-wide late share and k = 4 invoices.
/// It is the queue's risk until the logistic model of issue 4 replaces it.
public struct LatePaymentBaseline: Sendable {
    /// One paid invoice: its account and whether it was paid late (after its collection start).
    public struct PaidInvoice: Hashable, Sendable {
        public var accountID: Account.ID
        public var late: Bool

        public init(accountID: Account.ID, late: Bool) {
            self.accountID = accountID
            self.late = late
        }
    }

    /// The ledger-wide share of paid invoices paid late (0.5 with no history at all).
    public let averageLateShare: Double
    public let priorWeight: Double
    private let counts: [Account.ID: (paid: Int, late: Int)]

    /// The baseline from `history`; `averageLateShare` overrides the share computed from it (when
    /// the history is one specialist's accounts but the average should be the whole ledger's).
    public init(_ history: some Sequence<PaidInvoice>, averageLateShare: Double? = nil, priorWeight: Double = 4) {
        var counts: [Account.ID: (paid: Int, late: Int)] = [:]
        var paid = 0
        var late = 0
        for invoice in history {
            counts[invoice.accountID, default: (0, 0)].paid += 1
            paid += 1
            if invoice.late {
                counts[invoice.accountID, default: (0, 0)].late += 1
                late += 1
            }
        }
        self.counts = counts
        self.priorWeight = priorWeight
        self.averageLateShare = averageLateShare ?? (paid == 0 ? 0.5 : Double(late) / Double(paid))
    }

    /// The baseline from each account's count of paid invoices and how many of them were late (what
    /// a store keeps instead of the invoices); `averageLateShare` as above, else computed from the counts.
    public init(counts: [Account.ID: (paid: Int, late: Int)], averageLateShare: Double? = nil, priorWeight: Double = 4) {
        self.counts = counts
        self.priorWeight = priorWeight
        let paid = counts.values.reduce(0) { $0 + $1.paid }
        let late = counts.values.reduce(0) { $0 + $1.late }
        self.averageLateShare = averageLateShare ?? (paid == 0 ? 0.5 : Double(late) / Double(paid))
    }

    /// The account's probability of paying late.
    public func risk(_ account: Account.ID) -> Double {
        let own = counts[account] ?? (0, 0)
        return Self.shrunk(late: own.late, paid: own.paid, average: averageLateShare, priorWeight: priorWeight)
    }

    /// (late + k · p̄) ÷ (paid + k): the formula, for callers that keep their own counts.
    public static func shrunk(late: Int, paid: Int, average: Double, priorWeight: Double = 4) -> Double {
        (Double(late) + priorWeight * average) / (Double(paid) + priorWeight)
    }
}
