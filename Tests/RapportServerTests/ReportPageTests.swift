import Foundation
import RapportApp
import RapportCore
import RapportTestSupport
import Testing
import VaporTesting

@Suite("Web reports")
struct ReportPageTests {
    @Test(arguments: TestDatabase.available)
    func eachReportIsAPageAndItsCSVIsTheCLIsTable(engine: TestDatabase) async throws {
        try await withWebApp(engine) { app, env in
            let mona = WebClient(app)
            try await mona.signIn("mona", WebFixture.password)
            let period = try Period(from: Day(iso: "2024-01-01"), to: Day(iso: "2024-03-31"))
            let page = try await mona.get("/reports/metrics?from=2024-01-01&to=2024-03-31&basis=due")
            #expect(page.status == .ok)
            #expect(page.body.contains("<title>Metrics 2024-01-01 to 2024-03-31 – Rapport</title>"))
            #expect(page.body.contains("<h1>Metrics 2024-01-01 to 2024-03-31</h1>"))
            #expect(page.body.contains(#"href="/reports/metrics?from=2024-01-01&amp;to=2024-03-31&amp;basis=due&amp;format=csv""#))
            #expect(page.body.contains(#"<a href="/reports/metrics" aria-current="page">Metrics</a>"#))
            let csv = try await mona.get("/reports/metrics?from=2024-01-01&to=2024-03-31&basis=due&format=csv")
            #expect(csv.status == .ok && csv.headers.contentType?.subType == "csv")
            #expect(csv.headers.first(name: .contentDisposition) == #"attachment; filename="metrics.csv""#)
            let expected = ReportTable.metrics(try await env.reports.metrics(period, basis: .due), grouped: false).csv()
            #expect(csv.body == expected)

            let grouped = try await mona.get("/reports/metrics?from=2024-01-01&to=2024-03-31&by=segment&format=csv")
            let expectedGrouped = ReportTable.metrics(try await env.reports.metrics(period, by: .segment), grouped: true).csv()
            #expect(grouped.body == expectedGrouped && grouped.body.hasPrefix("group,"))

            let aging = try await mona.get("/reports/aging?as_of=2024-03-31&format=csv")
            let day = try Day(iso: "2024-03-31")
            #expect(aging.body == ReportTable.aging(try await env.reports.aging(asOf: day), buckets: .standard).csv())
            #expect(try await mona.get("/reports/aging?as_of=2024-03-31&by=account").body.contains("<th scope=\"row\">A1</th>"))

            let trend = try await mona.get("/reports/trend?metric=dso&from=2024-01-01&to=2024-03-31&format=csv")
            #expect(trend.body == ReportTable.trend(try await env.reports.trend(.dso, range: period), metric: .dso).csv())
            #expect(trend.body.split(separator: "\n").count == 4)

            for path in ["root-causes", "productivity", "retention"] {
                let report = try await mona.get("/reports/\(path)?from=2024-01-01&to=2024-03-31")
                #expect(report.status == .ok, "\(path)")
                let download = try await mona.get("/reports/\(path)?from=2024-01-01&to=2024-03-31&format=csv")
                #expect(download.status == .ok && download.headers.contentType?.subType == "csv", "\(path)")
            }
            let retention = try await mona.get("/reports/retention?from=2024-01-01&to=2024-03-31&format=csv")
            #expect(retention.body == ReportTable.retention(try await env.billingChanges.retention(period)).csv())
            #expect(try await mona.get("/reports").location == "/reports/metrics")
        }
    }

    @Test(arguments: TestDatabase.available)
    func reportsAreForManagersAndBadFiltersAreRefusedByName(engine: TestDatabase) async throws {
        try await withWebApp(engine) { app, _ in
            let kim = WebClient(app)
            try await kim.signIn("kim", WebFixture.password)
            #expect(try await kim.get("/reports/metrics").status == .forbidden)
            #expect(try await kim.get("/reports/aging?format=csv").status == .forbidden)
            let ivan = WebClient(app)
            try await ivan.signIn("ivan", WebFixture.password)
            #expect(try await ivan.get("/reports/root-causes").status == .forbidden)
            #expect(try await WebClient(app).get("/reports/metrics").status == .seeOther)

            let ada = WebClient(app)
            try await ada.signIn("ada", WebFixture.password)
            #expect(try await ada.get("/reports/metrics").status == .ok)
            let checks: [(String, String)] = [
                ("/reports/metrics?from=2024-13-01", "from must be a date"),
                ("/reports/metrics?from=2024-03-01&to=2024-02-01", "from must not be after to"),
                ("/reports/metrics?basis=paid", "basis must be one of due, collection"),
                ("/reports/metrics?by=account", "by must be one of segment, specialist"),
                ("/reports/aging?currency=dollars", "currency must be a three-letter"),
                ("/reports/trend?metric=luck", "metric must be one of"),
                ("/reports/aging?format=pdf", "format must be html or csv"),
            ]
            for (path, message) in checks {
                let refused = try await ada.get(path)
                #expect(refused.status == .unprocessableEntity, "\(path)")
                #expect(refused.body.contains(message), "\(path): \(refused.body)")
            }
        }
    }
}
