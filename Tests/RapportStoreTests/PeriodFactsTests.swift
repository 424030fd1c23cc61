import RapportCore
import RapportImport
import RapportStore
import RapportTestSupport
import Testing

/// The metrics of a period from the kept days and the open items equal the metrics from the whole
/// history, for every period, grouping and basis.
@Suite("Period facts from the kept days")
struct PeriodFactsTests {
    @Test(arguments: TestDatabase.available)
    func metricsFromTheDaysEqualMetricsFromTheHistory(engine: TestDatabase) async throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        try await engine.withDatabase { db in
            try await db.importFixtures([.accounts, .locations, .invoices, .payments, .jobs, .creditMemos, .deposits], files: files)
            #expect(try await db.readModelDisagreements() == [])
            let repository = FluentMetricsRepository(db)
            let periods = try [
                ("2024-01-01", "2024-03-31"), ("2024-02-01", "2024-02-29"), ("2023-12-01", "2024-03-10"), ("2024-03-05", "2024-03-05"),
                ("2024-03-01", "2024-04-30"), ("2023-01-01", "2023-12-31"),
            ].map { try Period(from: Day(iso: $0.0), to: Day(iso: $0.1)) }
            var compared = 0
            for period in periods {
                for grouping in MetricsGrouping.allCases {
                    let history = try await repository.fetchFacts(
                        currency: .usd, cuts: [period.from.adding(days: -1), period.to], grouping: grouping)
                    let (days, open) = try await repository.fetchPeriodFacts(currency: .usd, period: period, grouping: grouping)
                    let historyParts = Dictionary(uniqueKeysWithValues: grouping == .none ? [("all", history)] : history.partitioned())
                    let dayParts = Dictionary(uniqueKeysWithValues: grouping == .none ? [("all", days)] : days.partitioned())
                    let openParts = Dictionary(uniqueKeysWithValues: grouping == .none ? [("all", open)] : open.partitioned())
                    #expect(Set(dayParts.keys).union(openParts.keys) == Set(historyParts.keys), "\(period) \(grouping)")
                    for (name, facts) in historyParts {
                        for basis in [AgingBasis.due, .collection] {
                            let fromDays = ReceivableMetrics(
                                dayParts[name] ?? LedgerDays(currency: .usd), openAtEnd: openParts[name] ?? ReceivableFacts(currency: .usd),
                                period: period, basis: basis)
                            #expect(fromDays == ReceivableMetrics(facts, period: period, basis: basis), "\(period) \(grouping) \(name) \(basis)")
                            compared += 1
                        }
                    }
                }
            }
            #expect(compared > 50)
        }
    }

    @Test(arguments: TestDatabase.available)
    func trendsFromTheDaysEqualTrendsFromTheHistory(engine: TestDatabase) async throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        try await engine.withDatabase { db in
            try await db.importFixtures([.accounts, .locations, .invoices, .payments, .jobs, .creditMemos, .deposits], files: files)
            let repository = FluentMetricsRepository(db)
            let range = try Period(from: Day(iso: "2023-11-15"), to: Day(iso: "2024-04-30"))
            let cuts = range.calendarMonths.flatMap { [$0.from.adding(days: -1), $0.to] }
            let metrics = TrendMetric.allCases.filter { !$0.needsAging }
            #expect(metrics.count == 5)
            for grouping in MetricsGrouping.allCases {
                let history = try await repository.fetchFacts(currency: .usd, cuts: cuts, grouping: grouping)
                let days = try await repository.fetchLedgerDays(currency: .usd, period: range, grouping: grouping)
                let historyParts = Dictionary(uniqueKeysWithValues: grouping == .none ? [("all", history)] : history.partitioned())
                let dayParts = Dictionary(uniqueKeysWithValues: grouping == .none ? [("all", days)] : days.partitioned())
                #expect(Set(dayParts.keys) == Set(historyParts.keys), "\(grouping)")
                for metric in metrics {
                    for (name, facts) in historyParts {
                        let fromDays = metric.monthly(days: dayParts[name] ?? LedgerDays(currency: .usd), range: range)!
                        let fromHistory = metric.monthly(facts, range: range)
                        #expect(fromDays.map(\.value) == fromHistory.map(\.value), "\(metric) \(grouping) \(name)")
                        #expect(fromDays.map(\.month) == fromHistory.map(\.month))
                    }
                }
            }
            #expect(TrendMetric.percentCurrent.monthly(days: LedgerDays(currency: .usd), range: range) == nil)
        }
    }
}
