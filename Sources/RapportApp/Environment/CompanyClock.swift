import Foundation
import RapportCore

/// The company's clock: "today" is the calendar day in the company's time zone, not in UTC.
public struct CompanyClock: Sendable {
    /// The zone business days are read in (`RAPPORT_TIME_ZONE`, an IANA name).
    public let timeZone: TimeZone
    private let now: @Sendable () -> Date

    /// A clock in `timeZone`; tests pass a fixed `now`.
    public init(timeZone: TimeZone, now: @escaping @Sendable () -> Date = { Date() }) {
        self.timeZone = timeZone
        self.now = now
    }

    /// A clock in the zone named `name` (an IANA name such as "America/Chicago"), or the machine's
    /// zone when `name` is nil or empty.
    public init(timeZoneName name: String?, now: @escaping @Sendable () -> Date = { Date() }) throws {
        guard let name, !name.isEmpty else {
            self.init(timeZone: .current, now: now)
            return
        }
        guard let zone = TimeZone(identifier: name) else { throw AppError.invalid("unknown time zone \"\(name)\" (use an IANA name such as America/Chicago)") }
        self.init(timeZone: zone, now: now)
    }

    /// The current instant.
    public func instant() -> Date { now() }

    /// Today's calendar day in the company's time zone.
    public func today() -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: now())
        // The calendar always gives a valid date; the fallback only satisfies the type checker.
        return (try? Day(year: parts.year!, month: parts.month!, day: parts.day!)) ?? Day(daysSinceEpoch: 0)
    }
}
