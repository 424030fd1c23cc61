import Testing
@testable import RapportCore

@Suite("Day")
struct DayTests {
    func day(_ text: String) throws -> Day { try Day(iso: text) }

    @Test func epochAndKnownDays() throws {
        #expect(try day("1970-01-01").daysSinceEpoch == 0)
        #expect(try day("1969-12-31").daysSinceEpoch == -1)
        #expect(try day("2000-03-01").daysSinceEpoch == 11_017)
        #expect(try day("2024-02-29").daysSinceEpoch == 19_782)
        #expect(Day.earliest.isoString == "0001-01-01")
        #expect(Day.latest.isoString == "9999-12-31")
    }

    @Test func everyDayRoundTripsThroughItsComponents() throws {
        // Walk 1899-12-25 … 2101-01-05 day by day: the components must advance like a calendar.
        var current = try day("1899-12-25")
        let end = try day("2101-01-05")
        var (year, month, dayOfMonth) = current.components
        while current < end {
            let next = current.adding(days: 1)
            dayOfMonth += 1
            if dayOfMonth > Day.daysInMonth(year: year, month: month) {
                dayOfMonth = 1
                month += 1
                if month > 12 { month = 1; year += 1 }
            }
            #expect(next.components == (year, month, dayOfMonth))
            #expect(try Day(iso: next.isoString) == next)
            #expect(try Day(year: year, month: month, day: dayOfMonth) == next)
            current = next
        }
    }

    @Test(arguments: [(1900, false), (2000, true), (2023, false), (2024, true), (2100, false), (2400, true), (1, false), (4, true)])
    func leapYears(year: Int, leap: Bool) {
        #expect(Day.isLeapYear(year) == leap)
        #expect(Day.daysInMonth(year: year, month: 2) == (leap ? 29 : 28))
    }

    @Test(arguments: [
        "2023-02-29", "2100-02-29", "2024-02-30", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00",
        "2024-1-01", "24-01-01", "2024/01/01", "2024-01-01T00:00", " 2024-01-01", "0000-01-01", "abcd-ef-gh", "",
        "2024-01-32", "2024-06-31", "2024-09-31", "2024-11-31",
    ])
    func rejectsDaysThatDoNotExist(text: String) {
        #expect(throws: DayError.self) { try Day(iso: text) }
    }

    @Test func errorsSayWhy() {
        #expect(throws: DayError.noSuchDay(year: 2023, month: 2, day: 29)) { try Day(iso: "2023-02-29") }
        #expect(DayError.noSuchDay(year: 2023, month: 2, day: 29).description == "2023-02-29 does not exist")
        #expect(throws: DayError.noSuchMonth(13)) { try Day(iso: "2024-13-01") }
        #expect(throws: DayError.malformed("2024/01/01")) { try Day(iso: "2024/01/01") }
    }

    @Test func arithmeticAcrossMonthsYearsAndLeapDays() throws {
        #expect(try day("2024-02-28").adding(days: 1) == day("2024-02-29"))
        #expect(try day("2023-02-28").adding(days: 1) == day("2023-03-01"))
        #expect(try day("2024-12-31").adding(days: 1) == day("2025-01-01"))
        #expect(try day("2024-03-01").adding(days: -1) == day("2024-02-29"))
        #expect(try day("2024-12-31").days(since: day("2024-01-01")) == 365)
        #expect(try day("2023-12-31").days(since: day("2023-01-01")) == 364)
        #expect(try day("2024-01-01").days(since: day("2024-03-01")) == -60)
        #expect(try day("2024-01-01").adding(days: 30) == day("2024-01-31"))
    }

    @Test func monthStartAndEnd() throws {
        #expect(try day("2024-02-10").monthStart == day("2024-02-01"))
        #expect(try day("2024-02-10").monthEnd == day("2024-02-29"))
        #expect(try day("2023-02-10").monthEnd == day("2023-02-28"))
        #expect(try day("2024-04-30").monthEnd == day("2024-04-30"))
        #expect(try day("2024-12-01").monthEnd == day("2024-12-31"))
        #expect(try day("2024-01-31").monthStart == day("2024-01-01"))
    }

    @Test func addingMonthsClampsToTheMonthEnd() throws {
        #expect(try day("2024-01-31").adding(months: 1) == day("2024-02-29"))
        #expect(try day("2023-01-31").adding(months: 1) == day("2023-02-28"))
        #expect(try day("2024-03-31").adding(months: -1) == day("2024-02-29"))
        #expect(try day("2024-11-15").adding(months: 3) == day("2025-02-15"))
        #expect(try day("2024-02-29").adding(months: 12) == day("2025-02-28"))
        #expect(try day("2024-01-15").adding(months: -13) == day("2022-12-15"))
    }

    @Test func ordersChronologically() throws {
        #expect(try day("2023-12-31") < day("2024-01-01"))
        #expect(try [day("2024-03-01"), day("2024-02-29"), day("2023-01-01")].sorted().map(\.isoString)
            == ["2023-01-01", "2024-02-29", "2024-03-01"])
    }
}
