/// A metric that `rapport report trend` can follow month by month.
public enum TrendMetric: String, CaseIterable, Sendable {
    case dso, dsoCountback, cei, percentCurrent
    case bestPossibleDso, averageDaysDelinquent, averageDaysToPay, weightedAverageDaysToPay, averageDaysBeyondTerms

    /// Whether the metric reads paid invoices (days to pay and beyond terms); the others need none.
    public var needsPaidInvoices: Bool {
        switch self {
        case .averageDaysToPay, .weightedAverageDaysToPay, .averageDaysBeyondTerms: true
        default: false
        }
    }

    /// The metric's value in a month's metrics.
    public func value(in metrics: ReceivableMetrics) -> Double? {
        switch self {
        case .dso: metrics.dso
        case .dsoCountback: metrics.dsoCountback
        case .cei: metrics.cei
        case .percentCurrent: metrics.percentCurrent
        case .bestPossibleDso: metrics.bestPossibleDso
        case .averageDaysDelinquent: metrics.averageDaysDelinquent
        case .averageDaysToPay: metrics.timing.averageDaysToPay
        case .weightedAverageDaysToPay: metrics.timing.weightedAverageDaysToPay
        case .averageDaysBeyondTerms: metrics.timing.averageDaysBeyondTerms
        }
    }

    /// One value per calendar month of `range` (each month clipped to the range).
    public func monthly(
        _ facts: ReceivableFacts, range: Period, basis: AgingBasis = .due, buckets: AgingBuckets = .standard
    ) -> [(month: Period, value: Double?)] {
        let calendar = SalesCalendar(facts)
        return range.calendarMonths.map { month in
            (month, value(in: ReceivableMetrics(facts, period: month, basis: basis, buckets: buckets, sales: calendar)))
        }
    }
}
