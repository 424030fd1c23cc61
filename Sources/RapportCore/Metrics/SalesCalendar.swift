/// Net credit sales per day (invoices less credit memos), summed so any range is one subtraction.
public struct SalesCalendar: Sendable {
    /// The first day with a sale or credit memo; nil when there is none.
    public let firstDay: Day?
    private let start: Int
    /// prefix[i] = net sales from `start` up to and including start + i − 1.
    private let prefix: [Int64]

    public init(_ facts: ReceivableFacts) {
        var low = Int.max
        var high = Int.min
        for fact in facts.billings { low = min(low, fact.issue); high = max(high, fact.issue) }
        for fact in facts.credits where fact.isCreditMemo { low = min(low, fact.day); high = max(high, fact.day) }
        guard low <= high else {
            firstDay = nil
            start = 0
            prefix = [0]
            return
        }
        var daily = [Int64](repeating: 0, count: high - low + 1)
        for fact in facts.billings { daily[fact.issue - low] += fact.amount }
        for fact in facts.credits where fact.isCreditMemo { daily[fact.day - low] -= fact.amount }
        var prefix = [Int64](repeating: 0, count: daily.count + 1)
        for (index, amount) in daily.enumerated() { prefix[index + 1] = prefix[index] + amount }
        self.firstDay = Day(daysSinceEpoch: low)
        self.start = low
        self.prefix = prefix
    }

    /// Net credit sales issued from `from` through `to`, both included.
    public func sales(from: Day, to: Day) -> Int64 {
        let lower = max(from.daysSinceEpoch - start, 0)
        let upper = min(to.daysSinceEpoch - start + 1, prefix.count - 1)
        guard upper > lower else { return 0 }
        return prefix[upper] - prefix[lower]
    }

    /// The countback months ending on `end`: first the month of `end` up to `end`, then whole
    /// earlier months back to the month of the first sale.
    public func countbackMonths(endingOn end: Day) -> [ReceivableFormulas.CountbackMonth] {
        guard let firstDay else { return [] }
        var months: [ReceivableFormulas.CountbackMonth] = []
        var monthEnd = end
        while monthEnd >= firstDay.monthStart {
            let monthStart = monthEnd.monthStart
            months.append(.init(sales: sales(from: monthStart, to: monthEnd), days: monthEnd.days(since: monthStart) + 1))
            monthEnd = monthStart.adding(days: -1)
        }
        return months
    }
}
