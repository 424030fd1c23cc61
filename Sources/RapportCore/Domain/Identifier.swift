/// A typed external id: `Identifier<Invoice>` cannot be passed where an account id is expected.
///
/// Ids are the integrator's own (the billing system's invoice number, account number), so that
/// re-importing a file finds the rows it wrote before.
public struct Identifier<Entity>: Hashable, Comparable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
