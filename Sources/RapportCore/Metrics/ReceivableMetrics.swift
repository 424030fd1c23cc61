/// Every receivables metric for one period, computed from a ledger's facts under Rapport's
/// documented conventions (docs/metrics.md). Money in minor units; undefined values are nil.
public struct ReceivableMetrics: Hashable, Sendable {
    public var period: Period
    public var basis: AgingBasis
    /// Calendar days in the period, both ends included.
    public var periodDays: Int
    /// Invoices issued in the period less credit memos issued in it.
    public var creditSales: Int64
    /// Net AR at the end of the day before the period.
    public var beginningAR: Int64
    /// Net AR at the end of the period's last day.
    public var endingAR: Int64
    /// The `current` aging bucket at the end of the period.
    public var endingCurrentAR: Int64
    public var dso: Double?
    public var dsoCountback: Double?
    /// True when the AR reaches back past the first month with sales: the countback is at least this.
    public var dsoCountbackIsLowerBound: Bool
    public var bestPossibleDso: Double?
    public var averageDaysDelinquent: Double?
    /// Percent, with credit sales divided by the months of the period.
    public var cei: Double?
    public var percentCurrent: Double?
    public var timing: PaymentTiming
    /// The ending aging, by bucket.
    public var aging: AgingSnapshot

    /// Computes all metrics for `period` from `facts` (all groups together).
    public init(
        _ facts: ReceivableFacts, period: Period, basis: AgingBasis = .due, buckets: AgingBuckets = .standard,
        sales: SalesCalendar? = nil
    ) {
        let calendar = sales ?? SalesCalendar(facts)
        self.period = period
        self.basis = basis
        periodDays = period.days
        creditSales = calendar.sales(from: period.from, to: period.to)
        beginningAR = AgingSnapshot.total(facts, asOf: period.from.adding(days: -1))
        aging = AgingSnapshot(facts, asOf: period.to, basis: basis, buckets: buckets)
        endingAR = aging.total
        endingCurrentAR = aging.current
        dso = ReceivableFormulas.dso(endingAR: endingAR, creditSales: creditSales, days: periodDays)
        let countback = ReceivableFormulas.countbackDso(
            endingAR: endingAR, newestFirst: calendar.countbackMonths(endingOn: period.to))
        dsoCountback = countback.days
        dsoCountbackIsLowerBound = countback.isLowerBound
        bestPossibleDso = ReceivableFormulas.bestPossibleDso(
            endingCurrentAR: endingCurrentAR, creditSales: creditSales, days: periodDays)
        averageDaysDelinquent = ReceivableFormulas.averageDaysDelinquent(dso: dso, bestPossibleDso: bestPossibleDso)
        cei = ReceivableFormulas.cei(
            beginningAR: beginningAR, creditSales: creditSales, months: period.months, endingAR: endingAR,
            endingCurrentAR: endingCurrentAR)
        percentCurrent = ReceivableFormulas.percentCurrent(endingCurrentAR: endingCurrentAR, endingAR: endingAR)
        timing = PaymentTiming(facts, period: period)
    }
}
