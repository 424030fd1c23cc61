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

    /// Whether the metric reads the aging (what was current at the month's end); the others need
    /// only a ledger's days (`monthly(days:range:)`).
    public var needsAging: Bool {
        switch self {
        case .cei, .percentCurrent, .bestPossibleDso, .averageDaysDelinquent: true
        case .dso, .dsoCountback, .averageDaysToPay, .weightedAverageDaysToPay, .averageDaysBeyondTerms: false
        }
    }

    /// The metric for each calendar month of `range` from a ledger's days — the same values as
    /// `monthly(_:range:)` over the whole history — for a metric that does not need the aging
    /// (nil for one that does).
    public func monthly(days: LedgerDays, range: Period) -> [(month: Period, value: Double?)]? {
        guard !needsAging else { return nil }
        let calendar = SalesCalendar(days)
        return range.calendarMonths.map { month in
            let endingAR = days.netReceivables(asOf: month.to)
            let value: Double? = switch self {
            case .dso: ReceivableFormulas.dso(endingAR: endingAR, creditSales: calendar.sales(from: month.from, to: month.to), days: month.days)
            case .dsoCountback: ReceivableFormulas.countbackDso(endingAR: endingAR, newestFirst: calendar.countbackMonths(endingOn: month.to)).days
            case .averageDaysToPay: PaymentTiming(days.paid(in: month)).averageDaysToPay
            case .weightedAverageDaysToPay: PaymentTiming(days.paid(in: month)).weightedAverageDaysToPay
            case .averageDaysBeyondTerms: PaymentTiming(days.paid(in: month)).averageDaysBeyondTerms
            case .cei, .percentCurrent, .bestPossibleDso, .averageDaysDelinquent: nil
            }
            return (month, value)
        }
    }
}

extension TrendMetric {
    /// The most calendar months one trend covers (twenty years): a longer range is refused rather
    /// than computed for minutes.
    public static let maxMonths = 240

    /// Throws `InvalidField("to", …)` when `range` spans more than `maxMonths` calendar months.
    public static func checkRange(_ range: Period) throws(InvalidField) {
        let months = (range.to.year - range.from.year) * 12 + range.to.month - range.from.month + 1
        if months > maxMonths { throw InvalidField("to", "a trend covers at most \(maxMonths) months; this range has \(months)") }
    }
}
