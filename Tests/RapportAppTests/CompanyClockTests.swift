import Foundation
import RapportApp
import RapportCore
import Testing

@Suite("The company's clock")
struct CompanyClockTests {
    /// 2024-03-01 03:30 UTC: still 29 February in Chicago, already 1 March in Berlin.
    let instant = Date(timeIntervalSince1970: 1_709_263_800)

    @Test func todayIsTheCompanysCalendarDayNotUTCs() throws {
        let chicago = try CompanyClock(timeZoneName: "America/Chicago", now: { instant })
        let berlin = try CompanyClock(timeZoneName: "Europe/Berlin", now: { instant })
        #expect(chicago.today() == (try Day(iso: "2024-02-29")))
        #expect(berlin.today() == (try Day(iso: "2024-03-01")))
    }

    @Test func anUnknownZoneIsRefusedByName() {
        #expect(throws: AppError.invalid("unknown time zone \"Mars/Olympus\" (use an IANA name such as America/Chicago)")) {
            try CompanyClock(timeZoneName: "Mars/Olympus")
        }
    }

    @Test func noZoneMeansTheMachines() throws {
        #expect(try CompanyClock(timeZoneName: nil).timeZone == TimeZone.current)
    }
}
