/// The sign-in lock: ten failed sign-ins for one username within fifteen minutes lock it for
/// fifteen minutes from the tenth failure. The right password does not open a locked username.
public struct SignInThrottle: Sendable, Equatable {
    /// Failures that lock the username.
    public var failures: Int
    /// The window the failures must fall in, in seconds.
    public var windowSeconds: Int64
    /// How long the lock lasts after the failure that set it, in seconds.
    public var lockSeconds: Int64

    public init(failures: Int = 10, windowSeconds: Int64 = 15 * 60, lockSeconds: Int64 = 15 * 60) {
        self.failures = failures
        self.windowSeconds = windowSeconds
        self.lockSeconds = lockSeconds
    }

    /// The standard lock: ten failures in fifteen minutes, locked for fifteen.
    public static let standard = SignInThrottle()

    /// How far back a caller must read failures to decide `lockedUntil`.
    public func lookback(from now: Instant) -> Instant { now.adding(seconds: -(windowSeconds + lockSeconds)) }

    /// Until when the username is locked at `now`, given its failed sign-ins (any order); nil when it is not.
    public func lockedUntil(failedAt attempts: [Instant], now: Instant) -> Instant? {
        let sorted = attempts.filter { $0 <= now }.sorted()
        guard sorted.count >= failures else { return nil }
        var latestLock: Instant?
        // A lock starts at any failure that is the `failures`-th inside one window.
        for end in (failures - 1)..<sorted.count {
            let start = sorted[end - failures + 1]
            if sorted[end].secondsSinceEpoch - start.secondsSinceEpoch < windowSeconds {
                latestLock = sorted[end].adding(seconds: lockSeconds)
            }
        }
        guard let until = latestLock, until > now else { return nil }
        return until
    }
}
