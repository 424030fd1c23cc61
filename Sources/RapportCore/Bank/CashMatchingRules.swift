/// The settings of cash application: what is written off, what opens a dispute, and which
/// proposals `--apply` applies without a person looking.
public struct CashMatchingRules: Hashable, Sendable {
    /// A short payment is written off when the difference is at most this many major units of
    /// the payment's currency (default 1.00) …
    public var writeOffMajorUnits: Int64
    /// … and at most this share of the invoice's open amount, in basis points (default 50 = 0.5 %).
    public var writeOffBasisPoints: Int64
    /// The last ladder step applied automatically (default 4: steps 1–3 and an unambiguous 4).
    public var autoApplyThrough: Int
    /// At most this many of a customer's open invoices (oldest first) are searched for a
    /// combination that adds up to the payment.
    public var combinationInvoices: Int
    /// At most this many invoices in one combination.
    public var combinationSize: Int

    public init(writeOffMajorUnits: Int64 = 1, writeOffBasisPoints: Int64 = 50, autoApplyThrough: Int = 4,
                combinationInvoices: Int = 20, combinationSize: Int = 5) {
        self.writeOffMajorUnits = writeOffMajorUnits
        self.writeOffBasisPoints = writeOffBasisPoints
        self.autoApplyThrough = autoApplyThrough
        self.combinationInvoices = combinationInvoices
        self.combinationSize = combinationSize
    }

    /// Whether a shortfall of `short` on an invoice open for `open` is small enough to write off.
    public func writesOff(_ short: Money, of open: Money) -> Bool {
        let limit = writeOffMajorUnits * Money.pow10(short.currency.minorUnitDigits)
        // short / open ≤ bp / 10 000, in integers.
        return short.minorUnits <= limit && short.minorUnits * 10_000 <= open.minorUnits * writeOffBasisPoints
    }
}
