import RapportCore

/// The manager's dashboard: the DSO trend against best possible DSO, CEI by month, aging by due
/// date and by collection start, the root-cause Pareto and the issues found before the collection
/// start by month — each from the same use case or Core rule as its CLI report.
public struct DashboardUseCases: Sendable {
    let env: AppEnvironment

    /// What the dashboard draws.
    public struct Dashboard: Sendable {
        public var period: Period
        public var currency: Currency
        public var dso: [TrendPoint]
        public var dsoCountback: [TrendPoint]
        public var bestPossibleDso: [TrendPoint]
        public var cei: [TrendPoint]
        public var agingByDue: AgingSnapshot?
        public var agingByCollection: AgingSnapshot?
        public var rootCauses: RootCauseReport
        /// Issues found before the collection start, per month of the period.
        public var issuesFoundEarly: [(month: Period, count: Int)]
    }

    /// The dashboard for the twelve whole months before `day` (default today).
    /// A server keeps it until the data changes (`AppEnvironment.derived`).
    public func dashboard(asOf day: Day? = nil) async throws -> Dashboard {
        let today = env.day(day)
        guard let cache = env.derived?.dashboards else { return try await compute(today) }
        let version = try await env.repositories.changes.fetchChangeVersion(.everything)
        return try await cache.value(today, version: version) { [self] in try await compute(today) }
    }

    /// The dashboard computed from the data now.
    private func compute(_ today: Day) async throws -> Dashboard {
        let period = try Period(from: today.monthStart.adding(months: -12), to: today.monthStart.adding(days: -1))
        let reports = env.reports
        let (currency, trends) = try await reports.trends([.dso, .dsoCountback, .bestPossibleDso, .cei], range: period)
        let dso = trends[.dso] ?? [], countback = trends[.dsoCountback] ?? []
        let best = trends[.bestPossibleDso] ?? [], cei = trends[.cei] ?? []
        let byDue = try await reports.aging(asOf: period.to, basis: .due).parts.first?.value
        let byCollection = try await reports.aging(asOf: period.to, basis: .collection).parts.first?.value
        let causes = try await env.cases.rootCauses(period, currency: currency)
        let found = try await env.repositories.productivity.fetchIssuesFound(period: period)
        return Dashboard(period: period, currency: currency, dso: dso, dsoCountback: countback, bestPossibleDso: best, cei: cei,
                         agingByDue: byDue, agingByCollection: byCollection, rootCauses: causes,
                         issuesFoundEarly: EarlyFindings.byMonth(found.touches, collectionStarts: found.collectionStarts, range: period))
    }
}

extension AppEnvironment {
    /// The manager's dashboard.
    public var dashboard: DashboardUseCases { DashboardUseCases(env: self) }
}
