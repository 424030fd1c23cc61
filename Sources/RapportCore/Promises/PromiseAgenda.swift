/// Where a promise belongs on the promises page on a day: due within the coming week, active
/// (pending, due later), broken, or kept.
public enum PromiseAgenda: String, Sendable, Hashable, CaseIterable {
    case dueThisWeek = "due_this_week", active, broken, kept

    /// The section of a promise due `promisedFor` with `status` on `day`; "this week" is today and the six days after.
    public static func of(status: PromiseStatus, promisedFor: Day, on day: Day) -> PromiseAgenda {
        switch status {
        case .kept: .kept
        case .broken: .broken
        case .pending: promisedFor <= day.adding(days: 6) ? .dueThisWeek : .active
        }
    }
}
