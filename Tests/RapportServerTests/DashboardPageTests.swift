import Foundation
import RapportApp
import RapportCore
import RapportTestSupport
import Testing
import VaporTesting

@Suite("Web dashboard")
struct DashboardPageTests {
    @Test(arguments: TestDatabase.available)
    func theDashboardDrawsEveryChartWithItsTableAndCountsIssuesFoundEarly(engine: TestDatabase) async throws {
        try await withWebApp(engine) { app, env in
            // The clock says 2024-06-30: the dashboard covers 2023-06-01 to 2024-05-31.
            _ = try await env.interactions.log(.init(accountID: "A1", channel: .call, purpose: .checkIn, outcome: .issueFound, by: "lori",
                                                     on: Day(iso: "2024-05-10")))
            _ = try await env.interactions.log(.init(accountID: "A1", channel: .call, purpose: .followUp, outcome: .issueFound, by: "lori",
                                                     on: Day(iso: "2024-05-11")))
            let mona = WebClient(app)
            try await mona.signIn("mona", WebFixture.password)
            let page = try await mona.get("/")
            #expect(page.status == .ok)
            for id in ["dso", "countback", "best", "cei", "aging-due", "aging-collection", "causes", "early"] {
                #expect(page.body.contains("id=\"\(id)-t\""), "the \(id) chart")
            }
            #expect(page.body.contains("<h2 id=\"early-h\">Issues found before the collection start</h2>"))
            #expect(page.body.contains(#"<tr><td><a href="/reports/productivity?from=2024-05-01&amp;to=2024-05-31">2024-05</a></td><td class="num">1</td></tr>"#)
                || page.body.contains(#"<tr><td><a href="/reports/productivity?from=2024-05-01&to=2024-05-31">2024-05</a></td><td class="num">1</td></tr>"#))
            #expect(page.body.contains(#">2024-04</a></td><td class="num">0</td></tr>"#))
        }
    }

    @Test(arguments: TestDatabase.available)
    func severalTrendsAtOnceEqualEachTrendAlone(engine: TestDatabase) async throws {
        try await withWebApp(engine) { _, env in
            let range = try Period(from: Day(iso: "2024-01-01"), to: Day(iso: "2024-06-30"))
            let metrics: [TrendMetric] = [.dso, .dsoCountback, .bestPossibleDso, .cei, .percentCurrent]
            let (currency, together) = try await env.reports.trends(metrics, range: range)
            #expect(currency == .usd)
            for metric in metrics {
                let alone = try await env.reports.trend(metric, range: range).parts.first?.value ?? []
                #expect(together[metric]?.map(\.value) == alone.map(\.value), "\(metric)")
                #expect(together[metric]?.map(\.month) == alone.map(\.month), "\(metric)")
            }
            #expect(together[.cei]?.contains { $0.value != nil } == true)
        }
    }

    @Test(arguments: TestDatabase.available)
    func theRootCausesReadOnlyThePeriodsResolvedCasesAndAgreeWithAllCases(engine: TestDatabase) async throws {
        try await withWebApp(engine) { _, env in
            for (invoice, resolved) in [("I1", "2024-02-10"), ("I2", "2024-04-10"), ("I3", "2024-05-20")] {
                let account: Account.ID = invoice == "I3" ? "R1" : "A1"
                let item = try await env.cases.open(.init(accountID: account, category: .billingError, invoiceIDs: [Invoice.ID(invoice)],
                                                          on: Day(iso: "2024-02-01")))
                _ = try await env.cases.change(item.id, .start, on: Day(iso: "2024-02-02"))
                _ = try await env.cases.change(item.id, .resolve(rootCause: "BILL.WRONG_AMOUNT", resolution: .creditMemo, correctiveAction: nil),
                                               on: Day(iso: resolved))
            }
            _ = try await env.cases.open(.init(accountID: "A1", category: .dispute, on: Day(iso: "2024-03-01")))
            let period = try Period(from: Day(iso: "2024-03-01"), to: Day(iso: "2024-05-31"))
            let read = try await env.repositories.cases.fetchCases(resolvedIn: period)
            #expect(read.compactMap(\.resolvedOn).map(\.isoString).sorted() == ["2024-04-10", "2024-05-20"])
            let report = try await env.cases.rootCauses(period, currency: .usd)
            let all = RootCauseReport(cases: try await env.cases.list(), period: period, currency: .usd)
            #expect(report.resolvedCases == 2 && report.resolvedCases == all.resolvedCases)
            #expect(report.rows.map(\.cases) == all.rows.map(\.cases) && report.rows.map(\.code) == all.rows.map(\.code))
        }
    }
}
