import RapportApp
import RapportCore
import Vapor

/// `GET /reports/{metrics|aging|trend|root-causes|productivity|retention}` (manager, admin): the CLI's
/// reports as pages, each from the same use case and the same `ReportTable`; `&format=csv` downloads it.
struct ReportsController {
    let app: AppEnvironment

    /// The six reports, in the order of the report navigation.
    static let names: [(path: String, title: String)] = [
        ("metrics", "Metrics"), ("aging", "Aging"), ("trend", "Trend"), ("root-causes", "Root causes"),
        ("productivity", "Productivity"), ("retention", "Retention"),
    ]

    func metrics(_ request: Request) async throws -> Response {
        let query = ReportQuery(request, today: app.today)
        let period = try query.period(defaultMonths: 1)
        let basis = try query.basis()
        let by = try query.grouping([.segment, .specialist])
        let report = try await app.reports.metrics(period, basis: basis, by: by, currency: try query.currency())
        let table = ReportTable.metrics(report, grouped: by != nil)
        return try await render(request, "metrics", title: "Metrics \(period.from) to \(period.to)", table: table, filters: [
            query.dateField("from", "From", period.from), query.dateField("to", "To", period.to), query.basisField(basis),
            query.groupingField([.segment, .specialist], by),
            query.textField("currency", "Currency", report.currency.code),
        ], summary: "\(report.currency), aged by \(basis.rawValue) date, \(period.days) days.")
    }

    func aging(_ request: Request) async throws -> Response {
        let query = ReportQuery(request, today: app.today)
        let day = try query.day("as_of") ?? app.today
        let basis = try query.basis()
        let by = try query.grouping([.account, .segment, .specialist])
        let report = try await app.reports.aging(asOf: day, basis: basis, by: by, currency: try query.currency())
        return try await render(request, "aging", title: "Aging as of \(day)", table: ReportTable.aging(report, buckets: .standard), filters: [
            query.dateField("as_of", "As of", day), query.basisField(basis),
            query.groupingField([.account, .segment, .specialist], by),
            query.textField("currency", "Currency", report.currency.code),
        ], summary: "Open receivables in \(report.currency) by \(basis.rawValue) date.")
    }

    func trend(_ request: Request) async throws -> Response {
        let query = ReportQuery(request, today: app.today)
        let period = try query.period(defaultMonths: 12)
        let text = query.text("metric") ?? TrendMetric.dso.rawValue
        guard let metric = TrendMetric(rawValue: text) else {
            throw InvalidField("metric", "must be one of \(TrendMetric.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let basis = try query.basis()
        let by = try query.grouping([.account, .segment, .specialist])
        let report = try await app.reports.trend(metric, range: period, basis: basis, by: by, currency: try query.currency())
        let metrics = TrendMetric.allCases.map { ($0.rawValue, $0.rawValue) }
        return try await render(request, "trend", title: "Trend of \(metric.rawValue)", table: ReportTable.trend(report, metric: metric), filters: [
            query.selectField("metric", "Metric", metrics, metric.rawValue), query.dateField("from", "From", period.from),
            query.dateField("to", "To", period.to), query.basisField(basis),
            query.groupingField([.account, .segment, .specialist], by),
            query.textField("currency", "Currency", report.currency.code),
        ], summary: "One value per calendar month, \(period.from) to \(period.to), in \(report.currency).")
    }

    func rootCauses(_ request: Request) async throws -> Response {
        let query = ReportQuery(request, today: app.today)
        let period = try query.period(defaultMonths: 12)
        let currency = try await app.reports.chooseCurrency(try query.currency())
        let report = try await app.cases.rootCauses(period, currency: currency)
        return try await render(request, "root-causes", title: "Root causes", table: ReportTable.rootCauses(report), filters: [
            query.dateField("from", "From", period.from), query.dateField("to", "To", period.to),
            query.textField("currency", "Currency", currency.code),
        ], summary: "\(report.resolvedCases) case\(report.resolvedCases == 1 ? "" : "s") resolved \(period.from) to \(period.to), most frequent cause first.")
    }

    func productivity(_ request: Request) async throws -> Response {
        let query = ReportQuery(request, today: app.today)
        let period = try query.period(defaultMonths: 1)
        let currency = try await app.reports.chooseCurrency(try query.currency())
        let specialist = query.text("specialist")
        let reports = try await app.reports.productivity(period, specialist: specialist, currency: currency)
        return try await render(request, "productivity", title: "Productivity", table: ReportTable.productivity(reports), filters: [
            query.dateField("from", "From", period.from), query.dateField("to", "To", period.to),
            query.textField("specialist", "Specialist", specialist ?? ""), query.textField("currency", "Currency", currency.code),
        ], summary: "What each specialist did \(period.from) to \(period.to); money in \(currency).")
    }

    func retention(_ request: Request) async throws -> Response {
        let query = ReportQuery(request, today: app.today)
        let period = try query.period(defaultMonths: 12)
        let report = try await app.billingChanges.retention(period)
        return try await render(request, "retention", title: "Retention", table: ReportTable.retention(report), filters: [
            query.dateField("from", "From", period.from), query.dateField("to", "To", period.to),
        ], summary: """
            \(report.accountsRetained) account\(report.accountsRetained == 1 ? "" : "s") retained: \
            \(report.count(.billingFrequencyChange)) moved to monthly billing, \(report.count(.paymentArrangement)) on an arrangement.
            """)
    }

    /// The page, or with `format=csv` the table as a CSV download.
    private func render(
        _ request: Request, _ name: String, title: String, table: ReportTable, filters: [ReportQuery.Field], summary: String
    ) async throws -> Response {
        try request.require(.reports)
        switch request.query[String.self, at: "format"] ?? "html" {
        case "csv":
            let response = Response(status: .ok, body: .init(string: table.csv()))
            response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
            response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name).csv\"")
            return response
        case "html":
            var csvQuery = request.url.query.map { $0 + "&" } ?? ""
            csvQuery += "format=csv"
            return try await request.page("report", title: title, ReportPage(
                name: name, summary: summary, filters: filters, table: ReportPage.TableView(table), csvHref: "/reports/\(name)?\(csvQuery)",
                reports: Self.names.map { .init(href: "/reports/\($0.path)", label: $0.title, current: $0.path == name) }))
        default:
            throw InvalidField("format", "must be html or csv")
        }
    }
}
