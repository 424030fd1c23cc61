/// Where allocated money comes from: a payment, a credit memo or a deposit.
public enum CreditSource: Hashable, Sendable, Comparable, CustomStringConvertible {
    case payment(Payment.ID)
    case creditMemo(CreditMemo.ID)
    case deposit(Deposit.ID)

    /// "payment", "credit_memo" or "deposit": the kind as stored and exported.
    public var kind: String {
        switch self {
        case .payment: "payment"
        case .creditMemo: "credit_memo"
        case .deposit: "deposit"
        }
    }

    /// The source's own external id.
    public var rawID: String {
        switch self {
        case .payment(let id): id.rawValue
        case .creditMemo(let id): id.rawValue
        case .deposit(let id): id.rawValue
        }
    }

    /// Rebuilds a source from its stored kind and id; nil for an unknown kind.
    public init?(kind: String, id: String) {
        switch kind {
        case "payment": self = .payment(Payment.ID(id))
        case "credit_memo": self = .creditMemo(CreditMemo.ID(id))
        case "deposit": self = .deposit(Deposit.ID(id))
        default: return nil
        }
    }

    public var description: String { "\(kind) \(rawID)" }

    public static func < (lhs: CreditSource, rhs: CreditSource) -> Bool {
        (lhs.kind, lhs.rawID) < (rhs.kind, rhs.rawID)
    }
}
