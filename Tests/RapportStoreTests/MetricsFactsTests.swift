import RapportCore
import RapportImport
import RapportStore
import RapportTestSupport
import Testing

/// The store's GROUP BY facts must give Core exactly the ledger: the fixture company worked by hand.
@Suite("Metrics from the store")
struct MetricsFactsTests {
    @Test(arguments: TestDatabase.available)
    func firstQuarterOfTheFixtureCompany(engine: TestDatabase) async throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        try await engine.withDatabase { db in
            try await db.importFixtures([.accounts, .locations, .invoices, .payments], files: files)
            let repository = FluentMetricsRepository(db)
            #expect(try await repository.fetchCurrencies() == [.usd])
            let quarter = try Period(from: Day(iso: "2024-01-01"), to: Day(iso: "2024-03-31"))
            let facts = try await repository.fetchFacts(
                currency: .usd, cuts: [quarter.from.adding(days: -1), quarter.to], grouping: .none)
            let metrics = ReceivableMetrics(facts, period: quarter)
            // Sales: 1,250.50 + 300.00 + 49.99 + 80.00. Open on Mar 31: I1 150.50 (86 days past due),
            // I4 80.00 (30 days), P2's unapplied 300.00 (21 days old).
            #expect(metrics.creditSales == 168_049)
            #expect(metrics.beginningAR == 0)
            #expect(metrics.endingAR == -6_950)
            #expect(metrics.aging.amounts == [0, -22_000, 0, 15_050, 0])
            #expect(abs(metrics.dso! - (-6_950.0 / 168_049 * 91)) < 1e-9)
            #expect(metrics.dsoCountback == 0)
            #expect(metrics.bestPossibleDso == 0)
            let available = 168_049.0 / 3
            #expect(abs(metrics.cei! - (available + 6_950) / available * 100) < 1e-9)
            // Paid in the quarter: I2 (34 days, 4 beyond terms) and I3 (1 day, 1 beyond).
            #expect(metrics.timing.averageDaysToPay == 17.5)
            #expect(abs(metrics.timing.weightedAverageDaysToPay! - (30_000.0 * 34 + 4_999) / 34_999) < 1e-9)
            #expect(metrics.timing.averageDaysBeyondTerms == 2.5)
            let byCollection = ReceivableMetrics(facts, period: quarter, basis: .collection)
            #expect(byCollection.aging.amounts == [8_000, -30_000, 15_050, 0, 0])
        }
    }

    @Test(arguments: TestDatabase.available)
    func factsAsOfAPastDayAndBySegment(engine: TestDatabase) async throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        try await engine.withDatabase { db in
            try await db.importFixtures([.accounts, .locations, .invoices, .payments], files: files)
            let repository = FluentMetricsRepository(db)
            let february = try Period(from: Day(iso: "2024-02-01"), to: Day(iso: "2024-02-29"))
            let facts = try await repository.fetchFacts(
                currency: .usd, cuts: [february.from.adding(days: -1), february.to], grouping: .segment)
            let parts = Dictionary(uniqueKeysWithValues: facts.partitioned().map { ($0.name, $0.facts) })
            #expect(Set(parts.keys) == ["commercial", "residential"])
            let commercial = ReceivableMetrics(parts["commercial"]!, period: february)
            // Feb: I2 300 billed; I1 paid 1,100 of 1,250.50 on Feb 10 → AR 450.50 (I2 not yet due).
            #expect(commercial.creditSales == 30_000 && commercial.beginningAR == 125_050 && commercial.endingAR == 45_050)
            #expect(commercial.endingCurrentAR == 30_000)
            let residential = ReceivableMetrics(parts["residential"]!, period: february)
            #expect(residential.creditSales == 4_999 && residential.endingAR == 4_999 && residential.endingCurrentAR == 4_999)
            #expect(residential.percentCurrent == 100)
        }
    }
}
