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
        self.init(
            period: period, sales: sales ?? SalesCalendar(facts),
            beginningAR: AgingSnapshot.total(facts, asOf: period.from.adding(days: -1)),
            aging: AgingSnapshot(facts, asOf: period.to, basis: basis, buckets: buckets),
            timing: PaymentTiming(facts, period: period))
    }

    /// Computes all metrics for `period` from a ledger's `days` (sales, beginning AR, payment
    /// timing) and facts exact for aging as of the period's last day (`openAtEnd`, from the open
    /// items) — the same values as from the whole history, read from far fewer rows.
    public init(
        _ days: LedgerDays, openAtEnd: ReceivableFacts, period: Period, basis: AgingBasis = .due, buckets: AgingBuckets = .standard
    ) {
        self.init(
            period: period, sales: SalesCalendar(days), beginningAR: days.netReceivables(asOf: period.from.adding(days: -1)),
            aging: AgingSnapshot(openAtEnd, asOf: period.to, basis: basis, buckets: buckets),
            timing: PaymentTiming(days.paid(in: period)))
    }

    private init(period: Period, sales calendar: SalesCalendar, beginningAR: Int64, aging: AgingSnapshot, timing: PaymentTiming) {
        self.period = period
        self.basis = aging.basis
        periodDays = period.days
        creditSales = calendar.sales(from: period.from, to: period.to)
        self.beginningAR = beginningAR
        self.aging = aging
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
        self.timing = timing
    }
}
