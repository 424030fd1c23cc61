import RapportCore

/// The results a server keeps between requests while the data stands still (see
/// `VersionedCache`): specialists' queues and the manager's dashboard. One per process, shared by
/// every request's environment; the CLI keeps none.
public final class DerivedResults: Sendable {
    /// A queue: whose, which day, under which playbook.
    public struct QueueKey: Hashable, Sendable {
        var specialist: String
        var day: Day
        var playbook: Playbook
    }

    /// Queues, a few hundred (a company's specialists over a day or two).
    public let queues = VersionedCache<QueueKey, [QueueTask]>(capacity: 256)
    /// Dashboards, by day.
    public let dashboards = VersionedCache<Day, DashboardUseCases.Dashboard>(capacity: 8)

    public init() {}
}
