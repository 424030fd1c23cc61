/// Open AR as of one day, by aging bucket, in minor units. Unapplied credits are negative amounts
/// in the bucket of their own age (days since received or issued).
public struct AgingSnapshot: Hashable, Sendable {
    public let asOf: Day
    public let basis: AgingBasis
    public let buckets: AgingBuckets
    /// One amount per bucket, in `buckets.labels` order.
    public let amounts: [Int64]

    /// Net AR: open invoices less unapplied credits.
    public var total: Int64 { amounts.reduce(0, +) }
    /// The `current` bucket: not yet past due (or past collection start) on `asOf`.
    public var current: Int64 { amounts[0] }

    /// Ages `facts` as of the end of `asOf`: invoices issued and money received or applied on or before it count.
    public init(_ facts: ReceivableFacts, asOf: Day, basis: AgingBasis = .due, buckets: AgingBuckets = .standard) {
        self.asOf = asOf
        self.basis = basis
        self.buckets = buckets
        let day = asOf.daysSinceEpoch
        // Bucket by table look-up: this loop runs over every fact.
        let top = (buckets.limits.last ?? 0) + 1
        let table = (0...top).map { buckets.index(daysPast: $0) }
        @inline(__always) func bucket(_ daysPast: Int) -> Int { daysPast <= 0 ? 0 : table[min(daysPast, top)] }
        var amounts = [Int64](repeating: 0, count: buckets.count)
        let byDue = basis == .due
        for fact in facts.billings where fact.issue <= day {
            amounts[bucket(day - (byDue ? fact.due : fact.collectionStart))] += fact.amount
        }
        for fact in facts.settlements where fact.day <= day {
            amounts[bucket(day - (byDue ? fact.due : fact.collectionStart))] -= fact.amount
        }
        for fact in facts.credits where fact.day <= day {
            amounts[bucket(day - fact.day)] -= fact.amount
        }
        for fact in facts.applications where fact.day <= day {
            amounts[bucket(day - fact.received)] += fact.amount
        }
        self.amounts = amounts
    }

    /// Net AR as of the end of `asOf`, without bucketing.
    public static func total(_ facts: ReceivableFacts, asOf: Day) -> Int64 {
        let day = asOf.daysSinceEpoch
        var total: Int64 = 0
        for fact in facts.billings where fact.issue <= day { total += fact.amount }
        for fact in facts.settlements where fact.day <= day { total -= fact.amount }
        for fact in facts.credits where fact.day <= day { total -= fact.amount }
        for fact in facts.applications where fact.day <= day { total += fact.amount }
        return total
    }
}
