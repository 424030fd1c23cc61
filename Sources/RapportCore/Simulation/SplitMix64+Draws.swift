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
