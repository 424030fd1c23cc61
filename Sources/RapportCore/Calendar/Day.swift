/// A calendar day with no time and no time zone (an invoice date, a due date).
///
/// Stored as the number of days since 1970-01-01 in the proleptic Gregorian calendar, so adding
/// days and counting days between two days are exact integer operations.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    public let daysSinceEpoch: Int

    /// The earliest and latest days Rapport accepts: years 0001 to 9999.
    public static let earliest = Day(daysSinceEpoch: Day.epochDays(year: 1, month: 1, day: 1))
    public static let latest = Day(daysSinceEpoch: Day.epochDays(year: 9999, month: 12, day: 31))

    public init(daysSinceEpoch: Int) {
        self.daysSinceEpoch = daysSinceEpoch
    }

    /// A validated day; "2023-02-29" and month 13 throw.
    public init(year: Int, month: Int, day: Int) throws(DayError) {
        guard (1...9999).contains(year) else { throw .outOfRange(year: year) }
        guard (1...12).contains(month) else { throw .noSuchMonth(month) }
        guard (1...Day.daysInMonth(year: year, month: month)).contains(day) else {
            throw .noSuchDay(year: year, month: month, day: day)
        }
        self.daysSinceEpoch = Day.epochDays(year: year, month: month, day: day)
    }

    /// The year, month (1–12) and day of month (1–31).
    public var components: (year: Int, month: Int, day: Int) {
        // Howard Hinnant's civil_from_days.
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    public var year: Int { components.year }
    public var month: Int { components.month }
    public var dayOfMonth: Int { components.day }

    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> Day { Day(daysSinceEpoch: daysSinceEpoch + count) }

    /// Days from `earlier` to this day: positive when this day is later.
    public func days(since earlier: Day) -> Int { daysSinceEpoch - earlier.daysSinceEpoch }

    /// The first day of this day's month.
    public var monthStart: Day { Day(daysSinceEpoch: daysSinceEpoch - dayOfMonth + 1) }

    /// The last day of this day's month.
    public var monthEnd: Day {
        let (year, month, day) = components
        return Day(daysSinceEpoch: daysSinceEpoch - day + Day.daysInMonth(year: year, month: month))
    }

    /// The same day of month `count` months later, clamped to the month's end (Jan 31 + 1 → Feb 28/29).
    public func adding(months count: Int) -> Day {
        let (year, month, day) = components
        let monthIndex = year * 12 + (month - 1) + count
        let newYear = monthIndex >= 0 ? monthIndex / 12 : (monthIndex - 11) / 12
        let newMonth = monthIndex - newYear * 12 + 1
        let clamped = min(day, Day.daysInMonth(year: newYear, month: newMonth))
        return Day(daysSinceEpoch: Day.epochDays(year: newYear, month: newMonth, day: clamped))
    }

    /// Whether the year has a February 29.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// 28–31 for the given month.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }

    /// ISO 8601: "2024-02-29".
    public var description: String { isoString }

    static func epochDays(year: Int, month: Int, day: Int) -> Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
