/// An exact amount of money: a count of minor units (cents) in one currency. Never a `Double`.
public struct Money: Hashable, Sendable, CustomStringConvertible {
    /// The amount in minor units: 1234 is 12.34 USD.
    public let minorUnits: Int64
    public let currency: Currency

    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Zero in the given currency.
    public static func zero(_ currency: Currency) -> Money { Money(minorUnits: 0, currency: currency) }

    /// The amount in major units as a `Double` (12.34 for 1234 cents, 1234 for 1234 yen), for
    /// ranking and scoring only — never for money arithmetic.
    public var majorUnits: Double {
        var scale = 1.0
        for _ in 0..<currency.minorUnitDigits { scale *= 10 }
        return Double(minorUnits) / scale
    }

    public var isZero: Bool { minorUnits == 0 }
    public var isNegative: Bool { minorUnits < 0 }
    public var isPositive: Bool { minorUnits > 0 }

    /// The sum; throws on a currency mismatch or overflow.
    public func adding(_ other: Money) throws(MoneyError) -> Money {
        try requireSameCurrency(other)
        let (sum, overflow) = minorUnits.addingReportingOverflow(other.minorUnits)
        if overflow { throw .overflow }
        return Money(minorUnits: sum, currency: currency)
    }

    /// The difference; throws on a currency mismatch or overflow.
    public func subtracting(_ other: Money) throws(MoneyError) -> Money {
        try requireSameCurrency(other)
        let (difference, overflow) = minorUnits.subtractingReportingOverflow(other.minorUnits)
        if overflow { throw .overflow }
        return Money(minorUnits: difference, currency: currency)
    }

    /// The amount with its sign flipped; throws for the one value that has no negation.
    public func negated() throws(MoneyError) -> Money {
        guard minorUnits != .min else { throw .overflow }
        return Money(minorUnits: -minorUnits, currency: currency)
    }

    /// The amount times a whole number; throws on overflow.
    public func multiplied(by factor: Int64) throws(MoneyError) -> Money {
        let (product, overflow) = minorUnits.multipliedReportingOverflow(by: factor)
        if overflow { throw .overflow }
        return Money(minorUnits: product, currency: currency)
    }

    /// The smaller of two amounts in the same currency.
    public func minimum(_ other: Money) throws(MoneyError) -> Money {
        try requireSameCurrency(other)
        return minorUnits <= other.minorUnits ? self : other
    }

    /// Orders two amounts of the same currency; throws on a mismatch.
    public func isLess(than other: Money) throws(MoneyError) -> Bool {
        try requireSameCurrency(other)
        return minorUnits < other.minorUnits
    }

    /// Throws `currencyMismatch` unless `other` is in this amount's currency.
    public func requireSameCurrency(_ other: Money) throws(MoneyError) {
        if other.currency != currency { throw .currencyMismatch(currency, other.currency) }
    }

    /// Adds up amounts in one currency; an empty list is zero in `currency`.
    public static func sum(_ amounts: some Sequence<Money>, currency: Currency) throws(MoneyError) -> Money {
        var total = Money.zero(currency)
        for amount in amounts { total = try total.adding(amount) }
        return total
    }

    /// "1234.50 USD".
    public var description: String { "\(decimalString) \(currency.code)" }
}
