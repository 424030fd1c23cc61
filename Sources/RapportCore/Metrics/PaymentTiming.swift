/// How long paid invoices took: average days to pay (plain and weighted by amount) and average
/// days beyond terms, over invoices whose last payment fell in a period.
public struct PaymentTiming: Hashable, Sendable {
    /// Mean of (last allocation day − issue day); nil when no invoice was paid in the period.
    public var averageDaysToPay: Double?
    /// The same, weighted by invoice amount.
    public var weightedAverageDaysToPay: Double?
    /// Mean of max(0, last allocation day − due day): early payment counts as 0, not negative.
    public var averageDaysBeyondTerms: Double?

    /// The timing of the paid facts whose paid day falls in `period`.
    public init(_ facts: ReceivableFacts, period: Period) {
        let from = period.from.daysSinceEpoch
        let to = period.to.daysSinceEpoch
        var totals = PaidTotals.zero
        for fact in facts.paid where fact.paidDay >= from && fact.paidDay <= to {
            totals += PaidTotals(issue: fact.issue, due: fact.due, paidDay: fact.paidDay, count: fact.count, amount: fact.amount)
        }
        self.init(totals)
    }

    /// The timing of the invoices summed in `paid`.
    public init(_ paid: PaidTotals) {
        averageDaysToPay = paid.count > 0 ? Double(paid.daysToPay) / Double(paid.count) : nil
        weightedAverageDaysToPay = paid.amount > 0 ? Double(paid.amountDaysToPay) / Double(paid.amount) : nil
        averageDaysBeyondTerms = paid.count > 0 ? Double(paid.daysBeyondTerms) / Double(paid.count) : nil
    }
}
