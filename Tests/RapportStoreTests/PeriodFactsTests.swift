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
}
