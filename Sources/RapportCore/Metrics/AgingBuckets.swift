/// Aging buckets by days past due: `current` (not yet past due: due today or later), then ranges.
///
/// The default limits 30, 60, 90 give `current, 1-30, 31-60, 61-90, 91+`.
public struct AgingBuckets: Hashable, Sendable {
    /// Upper limits of the ranges after `current`, ascending: [30, 60, 90].
    public let limits: [Int]

    /// The bucket names in order, e.g. ["current", "1-30", "31-60", "61-90", "91+"].
    public let labels: [String]

    /// Validates ascending positive limits.
    public init(limits: [Int]) throws(MetricsError) {
        guard let first = limits.first, first >= 1, zip(limits, limits.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw .invalidBuckets(limits)
        }
        self.limits = limits
        var labels = ["current"]
        var lower = 1
        for limit in limits {
            labels.append("\(lower)-\(limit)")
            lower = limit + 1
        }
        labels.append("\(lower)+")
        self.labels = labels
    }

    /// current, 1-30, 31-60, 61-90, 91+.
    public static let standard = try! AgingBuckets(limits: [30, 60, 90])

    public var count: Int { limits.count + 2 }

    /// The bucket index for an amount `daysPast` days past its reference day (≤ 0 is current).
    public func index(daysPast: Int) -> Int {
        if daysPast <= 0 { return 0 }
        for (offset, limit) in limits.enumerated() where daysPast <= limit { return offset + 1 }
        return limits.count + 1
    }
}
