/// A moment in UTC, in whole seconds since 1970-01-01T00:00:00Z: when a session, a sign-in
/// attempt or an audited change happened. Core reads no clock; callers pass the instant in.
public struct Instant: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Seconds since the Unix epoch.
    public let secondsSinceEpoch: Int64

    public init(secondsSinceEpoch: Int64) { self.secondsSinceEpoch = secondsSinceEpoch }

    /// The instant `seconds` later (earlier when negative).
    public func adding(seconds: Int64) -> Instant { Instant(secondsSinceEpoch: secondsSinceEpoch + seconds) }

    /// The UTC calendar day of the instant.
    public var utcDay: Day {
        let days = secondsSinceEpoch >= 0 ? secondsSinceEpoch / 86_400 : (secondsSinceEpoch - 86_399) / 86_400
        return Day(daysSinceEpoch: Int(days))
    }

    /// ISO 8601 in UTC, to the second: `2026-12-02T18:42:56Z`.
    public var isoString: String {
        let day = utcDay
        let second = Int(secondsSinceEpoch - Int64(day.daysSinceEpoch) * 86_400)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(day.isoString)T\(two(second / 3600)):\(two(second / 60 % 60)):\(two(second % 60))Z"
    }

    public var description: String { isoString }

    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.secondsSinceEpoch < rhs.secondsSinceEpoch }
}

extension Instant {
    /// Reads `YYYY-MM-DDTHH:MM:SSZ` (what `isoString` writes); nil for anything else.
    public init?(iso text: String) {
        let parts = text.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].hasSuffix("Z"), let day = try? Day(iso: String(parts[0])) else { return nil }
        let clock = parts[1].dropLast().split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard clock.count == 3, let hour = clock[0], let minute = clock[1], let second = clock[2],
              (0..<24).contains(hour), (0..<60).contains(minute), (0..<60).contains(second) else { return nil }
        self.init(secondsSinceEpoch: Int64(day.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second))
    }
}
