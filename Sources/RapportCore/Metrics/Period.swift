/// A reporting period: whole calendar days from `from` to `to`, both included.
public struct Period: Hashable, Sendable, CustomStringConvertible {
    public let from: Day
    public let to: Day

    public init(from: Day, to: Day) throws(MetricsError) {
        guard from <= to else { throw .emptyPeriod(from: from, to: to) }
        self.from = from
        self.to = to
    }

    /// Whether `day` falls in the period.
    public func contains(_ day: Day) -> Bool { from <= day && day <= to }

    /// Actual calendar days, both ends included (January: 31, a leap-year February: 29).
    public var days: Int { to.days(since: from) + 1 }

    /// Calendar months the period touches: January 1 – March 31 is 3; January 15 – February 14 is 2.
    public var months: Int {
        (to.year - from.year) * 12 + (to.month - from.month) + 1
    }

    /// One period per calendar month touched, clipped to this period.
    public var calendarMonths: [Period] {
        var result: [Period] = []
        var start = from
        while start <= to {
            let end = min(start.monthEnd, to)
            result.append(try! Period(from: start, to: end))
            start = end.adding(days: 1)
        }
        return result
    }

    public var description: String { "\(from) – \(to)" }
}
