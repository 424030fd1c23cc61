import RapportCore
import Testing

@Suite("Trend range limit")
struct TrendRangeTests {
    @Test func aTrendCoversAtMostTwentyYearsOfMonths() throws {
        try TrendMetric.checkRange(try Period(from: Day(iso: "2005-01-15"), to: Day(iso: "2024-12-01")))
        #expect(throws: InvalidField.self) {
            try TrendMetric.checkRange(try Period(from: Day(iso: "2004-12-31"), to: Day(iso: "2024-12-01")))
        }
    }
}
