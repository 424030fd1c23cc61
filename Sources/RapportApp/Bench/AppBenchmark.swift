import RapportCore

/// Times the paths a page needs, in process, from the database: a specialist's queue, an account
/// page, the metrics, trend and aging reports (`rapport bench app`; results in docs/performance.md).
public struct AppBenchmark: Sendable {
    let env: AppEnvironment

    /// One timed step: its name, what it produced, and the fastest and median of its runs.
    public struct Step: Sendable {
        public var name: String
        public var detail: String
        public var best: Duration
        public var median: Duration
    }

    /// The steps `run` knows, in order.
    public static let steps = [
        "queue", "overview", "metrics", "metrics-by-segment", "metrics-by-specialist", "trend", "aging-by-account",
    ]

    /// Runs the steps named in `only` (all when empty), each `repeats` times; `progress` gets a line per step.
    public func run(
        only: Set<String> = [], repeats: Int = 5, progress: @Sendable (Step) -> Void = { _ in }
    ) async throws -> [Step] {
        guard let span = try await env.repositories.overviews.fetchLedgerSpan() else {
            throw AppError.invalid("the database has no invoices to benchmark (build one with rapport demo)")
        }
        let day = span.last
        let year = try Period(from: day.adding(days: 1).adding(months: -12), to: day)
        let range = try Period(from: max(span.first, day.adding(days: 1).adding(months: -36)), to: day)
        var steps: [Step] = []
        func time(_ name: String, _ body: () async throws -> String) async throws {
            guard only.isEmpty || only.contains(name) else { return }
            let clock = ContinuousClock()
            var runs: [Duration] = []
            var detail = ""
            for _ in 0..<max(1, repeats) {
                let start = clock.now
                detail = try await body()
                runs.append(clock.now - start)
            }
            runs.sort()
            let step = Step(name: name, detail: detail, best: runs[0], median: runs[runs.count / 2])
            progress(step)
            steps.append(step)
        }
        let specialists = try await env.queue.specialists()
        try await time("queue") {
            var counts: [String] = []
            for specialist in specialists { counts.append("\(specialist) \(try await env.queue.tasks(specialist: specialist, on: day).count)") }
            return "all \(specialists.count) specialists on \(day), one after another: " + counts.joined(separator: ", ") + " tasks"
        }
        let family = try await env.repositories.overviews.fetchLargestKeyAccount()
        try await time("overview") {
            guard let family else { return "no key account" }
            let page = try await env.accounts.overview(family, asOf: day)
            return "\(family) with \(page.accounts.count - 1) child accounts: \(page.openByLocation.count) locations, \(page.timeline.count) events"
        }
        try await time("metrics") {
            let report = try await env.reports.metrics(year)
            return "\(year): DSO \(report.parts[0].value.dso.map { String($0) } ?? "—")"
        }
        try await time("metrics-by-segment") { "\(try await env.reports.metrics(year, by: .segment).parts.count) segments" }
        try await time("metrics-by-specialist") { "\(try await env.reports.metrics(year, by: .specialist).parts.count) specialists" }
        try await time("trend") {
            let report = try await env.reports.trend(.dso, range: range)
            return "DSO over \(report.parts[0].value.count) months from \(range.from)"
        }
        try await time("aging-by-account") { "\(try await env.reports.aging(asOf: day, by: .account).parts.count) accounts as of \(day)" }
        return steps
    }
}

extension AppEnvironment {
    /// The in-process benchmark of the interactive paths.
    public var benchmark: AppBenchmark { AppBenchmark(env: self) }
}
