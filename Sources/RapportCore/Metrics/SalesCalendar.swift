/// Net credit sales per day (invoices less credit memos), summed so any range is one subtraction.
public struct SalesCalendar: Sendable {
    /// The first day with a sale or credit memo; nil when there is none.
    public let firstDay: Day?
    private let start: Int
    /// prefix[i] = net sales from `start` up to and including start + i − 1.
    private let prefix: [Int64]

    public init(_ facts: ReceivableFacts) {
        var sales: [(day: Int, amount: Int64)] = facts.billings.map { ($0.issue, $0.amount) }
        for fact in facts.credits where fact.isCreditMemo { sales.append((fact.day, -fact.amount)) }
        self.init(sales)
    }

    /// The net sales of each day summed in `days` (invoiced less credit memos).
    public init(_ days: LedgerDays) {
        self.init(days.entries.filter { $0.invoiced != 0 || $0.creditMemos != 0 }.map { ($0.day, $0.invoiced - $0.creditMemos) })
    }

    /// Sums signed amounts per day (a day may repeat).
    private init(_ sales: [(day: Int, amount: Int64)]) {
        var low = Int.max
        var high = Int.min
        for sale in sales { low = min(low, sale.day); high = max(high, sale.day) }
        guard low <= high else {
            firstDay = nil
            start = 0
            prefix = [0]
            return
        }
        var daily = [Int64](repeating: 0, count: high - low + 1)
        for sale in sales { daily[sale.day - low] += sale.amount }
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
