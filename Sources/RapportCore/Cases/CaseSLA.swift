/// How many days each category of case may stay unresolved (rules as data).
///
/// The defaults are Rapport's assumptions, not the case study's (it gives none): billing fixes
/// within a week, field work within two, disputes within three.
public struct CaseSLA: Hashable, Sendable {
    public var days: [Case.Category: Int]

    public init(days: [Case.Category: Int]) { self.days = days }

    public static let standard = CaseSLA(days: [
        .incompleteInstallation: 10, .billingError: 5, .billingDetailRequest: 5, .unrecordedChange: 5,
        .serviceQuality: 7, .hardship: 10, .dispute: 15,
    ])

    /// The SLA of `category` (10 days when the table has none).
    public func days(for category: Case.Category) -> Int { days[category] ?? 10 }
}

extension Case {
    /// The last day the case may still be unresolved.
    public var slaDue: Day { openedOn.adding(days: slaDays) }

    /// Whether the case is unresolved after its SLA on `day`.
    public func isPastSLA(on day: Day) -> Bool {
        isActive(on: day) && day > slaDue
    }

    /// Whether the case held up payment on `day`: opened by then and not yet resolved then (a case
    /// resolved later was still active that day), so a queue for a past day sees the past.
    public func isActive(on day: Day) -> Bool {
        guard openedOn <= day else { return false }
        if let resolvedOn { return resolvedOn > day }
        return isActive
    }

    /// Whether the case still holds up payment (open, in progress or waiting on the customer).
    public var isActive: Bool { status != .resolved && status != .closed }
}
