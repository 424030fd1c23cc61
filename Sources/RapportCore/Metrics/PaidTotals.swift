/// Invoices paid in cash, summed: how many, for how much, and the days they took — what
/// `PaymentTiming` needs, in a form that adds up (so a store can keep it per day).
public struct PaidTotals: Hashable, Sendable {
    /// Invoices paid.
    public var count: Int
    /// Their original amounts, in minor units.
    public var amount: Int64
    /// Σ (paid day − issue day) over the invoices.
    public var daysToPay: Int64
    /// Σ amount × (paid day − issue day), exact in integers.
    public var amountDaysToPay: Int64
    /// Σ max(0, paid day − due day).
    public var daysBeyondTerms: Int64

    /// Nothing paid.
    public static let zero = PaidTotals(count: 0, amount: 0, daysToPay: 0, amountDaysToPay: 0, daysBeyondTerms: 0)

    public init(count: Int, amount: Int64, daysToPay: Int64, amountDaysToPay: Int64, daysBeyondTerms: Int64) {
        self.count = count
        self.amount = amount
        self.daysToPay = daysToPay
        self.amountDaysToPay = amountDaysToPay
        self.daysBeyondTerms = daysBeyondTerms
    }

    /// `count` invoices issued on `issue`, due on `due` and paid on `paidDay` (days since the
    /// epoch), together worth `amount`.
    public init(issue: Int, due: Int, paidDay: Int, count: Int = 1, amount: Int64) {
        let toPay = Int64(paidDay - issue)
        self.init(
            count: count, amount: amount, daysToPay: Int64(count) * toPay, amountDaysToPay: amount * toPay,
            daysBeyondTerms: Int64(count) * Int64(max(0, paidDay - due)))
    }

    /// Both sums together.
    public static func + (left: PaidTotals, right: PaidTotals) -> PaidTotals {
        PaidTotals(
            count: left.count + right.count, amount: left.amount + right.amount, daysToPay: left.daysToPay + right.daysToPay,
            amountDaysToPay: left.amountDaysToPay + right.amountDaysToPay, daysBeyondTerms: left.daysBeyondTerms + right.daysBeyondTerms)
    }

    /// Adds `other` in place.
    public static func += (left: inout PaidTotals, right: PaidTotals) { left = left + right }
}
