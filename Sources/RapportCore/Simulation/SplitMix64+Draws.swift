extension SplitMix64 {
    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }

    /// A whole number drawn uniformly from `range`.
    mutating func draw(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    /// An amount in minor units drawn uniformly from `range`.
    mutating func draw(_ range: ClosedRange<Int64>) -> Int64 { Int64.random(in: range, using: &self) }

    /// A key drawn with the given shares (in a fixed key order, so the draw is reproducible).
    mutating func pick<Key: Hashable & Comparable>(_ shares: [Key: Double]) -> Key {
        let keys = shares.keys.sorted()
        let total = keys.reduce(0) { $0 + shares[$1]! }
        var roll = Double.random(in: 0..<total, using: &self)
        for key in keys {
            roll -= shares[key]!
            if roll < 0 { return key }
        }
        return keys.last!
    }
}

extension Account.Segment: Comparable {
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension Account.BillingFrequency: Comparable {
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Months one recurring bill covers.
    public var months: Int {
        switch self {
        case .monthly: 1
        case .quarterly: 3
        case .annual: 12
        }
    }
}

/// What a keyed stream of draws decides, so that two purposes on the same entity never share draws.
enum DrawPurpose: UInt64 {
    case billOff = 1, renewal, recurringProblem, payment, resume, reminder, caseDays, creditMemo, touch, rebilledPayment
}

extension SplitMix64 {
    /// The stream of one purpose for one entity (a job, a bill, an account on a day): the same
    /// company seed, purpose and keys give the same draws whatever else the run did, so both
    /// policies see the same customers — the same problems, delays and answered calls.
    init(seed: UInt64, _ purpose: DrawPurpose, _ keys: [Int]) {
        var mixer = SplitMix64(seed: seed ^ (purpose.rawValue &* 0xD6E8_FEB8_6659_FD93))
        var state = mixer.next()
        for key in keys {
            mixer = SplitMix64(seed: state ^ UInt64(bitPattern: Int64(key)))
            state = mixer.next()
        }
        self.init(seed: state)
    }
}
