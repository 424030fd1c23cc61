/// How long paid invoices took: average days to pay (plain and weighted by amount) and average
/// days beyond terms, over invoices whose last payment fell in a period.
public struct PaymentTiming: Hashable, Sendable {
    /// Mean of (last allocation day − issue day); nil when no invoice was paid in the period.
    public var averageDaysToPay: Double?
    /// The same, weighted by invoice amount.
    public var weightedAverageDaysToPay: Double?
    /// Mean of max(0, last allocation day − due day): early payment counts as 0, not negative.
    public var averageDaysBeyondTerms: Double?

    public init(_ facts: ReceivableFacts, period: Period) {
        let from = period.from.daysSinceEpoch
        let to = period.to.daysSinceEpoch
        var count = 0
        var amount: Int64 = 0
        var days = 0
        var weightedDays = 0.0
        var beyond = 0
        for fact in facts.paid where fact.paidDay >= from && fact.paidDay <= to {
            let toPay = fact.paidDay - fact.issue
            count += fact.count
            amount += fact.amount
            days += fact.count * toPay
            weightedDays += Double(fact.amount) * Double(toPay)
            beyond += fact.count * max(0, fact.paidDay - fact.due)
        }
        averageDaysToPay = count > 0 ? Double(days) / Double(count) : nil
        weightedAverageDaysToPay = amount > 0 ? weightedDays / Double(amount) : nil
        averageDaysBeyondTerms = count > 0 ? Double(beyond) / Double(count) : nil
    }
}
