/// Why metrics could not be computed as asked.
public enum MetricsError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidBuckets([Int])
    case emptyPeriod(from: Day, to: Day)

    public var description: String {
        switch self {
        case .invalidBuckets(let limits): "aging bucket limits must be ascending and positive, got \(limits)"
        case .emptyPeriod(let from, let to): "the period \(from) – \(to) is empty: --from must not be after --to"
        }
    }
}
