import RapportApp
import RapportCore
import Vapor

/// `GET /`: the manager's dashboard; a specialist goes to her queue, a department member to the cases.
struct HomeController {
    let app: AppEnvironment

    struct MonthRow: Encodable, Sendable { var month: String; var dso: String; var countback: String; var best: String; var cei: String }
    struct BucketRow: Encodable, Sendable { var label: String; var byDue: String; var byCollection: String; var href: String }
    struct CauseRow: Encodable, Sendable { var code: String; var description: String; var cases: Int; var share: String; var href: String }
    struct FindingRow: Encodable, Sendable { var month: String; var count: Int; var href: String }

    struct Content: Encodable, Sendable {
        var period: String
        var currency: String
        var dsoCharts: [BarChart]
        var agingCharts: [BarChart]
        var causeCharts: [BarChart]
        var findingCharts: [BarChart]
        var months: [MonthRow]
        var findings: [FindingRow]
        var buckets: [BucketRow]
        var causes: [CauseRow]
        var resolvedCases: Int
    }

    func home(_ request: Request) async throws -> Response {
        let user = try request.requireUser().user
        if !user.role.allows(.reports) {
            return request.redirect(to: user.role.allows(.ownQueue) ? "/queue" : "/cases", redirectType: .normal)
        }
        let board = try await app.dashboard.dashboard()
        let months = board.dso.indices.map { index in
            MonthRow(month: String(board.dso[index].month.from.isoString.prefix(7)), dso: oneDecimal(board.dso[index].value),
                     countback: oneDecimal(board.dsoCountback[safe: index]?.value), best: oneDecimal(board.bestPossibleDso[safe: index]?.value),
                     cei: oneDecimal(board.cei[safe: index]?.value))
        }
        func monthHref(_ point: TrendPoint) -> String {
            "/reports/metrics?" + QueueController.query(["from": point.month.from.isoString, "to": point.month.to.isoString])
        }
        let labels = (board.agingByDue?.buckets ?? .standard).labels
        let asOf = board.period.to.isoString
        let buckets = labels.indices.map { index in
            BucketRow(label: labels[index], byDue: money(board.agingByDue?.amounts[safe: index], board.currency),
                      byCollection: money(board.agingByCollection?.amounts[safe: index], board.currency),
                      href: "/reports/aging?" + QueueController.query(["as_of": asOf]))
        }
        let causes = board.rootCauses.rows.map { row in
            CauseRow(code: row.code, description: row.description, cases: row.cases, share: "\(Int((row.share * 100).rounded())) %",
                     href: "/cases?status=resolved")
        }
        let findings = board.issuesFoundEarly.map { entry in
            FindingRow(month: String(entry.month.from.isoString.prefix(7)), count: entry.count,
                       href: "/reports/productivity?" + QueueController.query(["from": entry.month.from.isoString, "to": entry.month.to.isoString]))
        }
        let content = Content(
            period: "\(board.period.from) to \(board.period.to)", currency: board.currency.code,
            dsoCharts: [
                BarChart(id: "dso", caption: "Period DSO by month (days)", values: board.dso.map {
                    (String($0.month.from.isoString.prefix(7)), $0.value, oneDecimal($0.value), monthHref($0)) }),
                BarChart(id: "countback", caption: "Countback DSO by month (days)", values: board.dsoCountback.map {
                    (String($0.month.from.isoString.prefix(7)), $0.value, oneDecimal($0.value), monthHref($0)) }),
                BarChart(id: "best", caption: "Best possible DSO by month (days)", values: board.bestPossibleDso.map {
                    (String($0.month.from.isoString.prefix(7)), $0.value, oneDecimal($0.value), monthHref($0)) }),
                BarChart(id: "cei", caption: "CEI by month (%)", values: board.cei.map {
                    (String($0.month.from.isoString.prefix(7)), $0.value, oneDecimal($0.value), monthHref($0)) }),
            ],
            agingCharts: [
                BarChart(id: "aging-due", caption: "Aging by due date", values: buckets.indices.map { index in
                    (labels[index], board.agingByDue?.amounts[safe: index].map { Double($0) }, buckets[index].byDue, buckets[index].href) }),
                BarChart(id: "aging-collection", caption: "Aging by collection start", values: buckets.indices.map { index in
                    (labels[index], board.agingByCollection?.amounts[safe: index].map { Double($0) }, buckets[index].byCollection,
                     buckets[index].href) }),
            ],
            causeCharts: [BarChart(id: "causes", caption: "Root causes of resolved cases", values: causes.prefix(8).map {
                ($0.code, Double($0.cases), "\($0.cases)", $0.href) })],
            findingCharts: [BarChart(id: "early", caption: "Issues found before the collection start, by month", values: findings.map {
                ($0.month, Double($0.count), "\($0.count)", $0.href) })],
            months: months, findings: findings, buckets: buckets, causes: causes, resolvedCases: board.rootCauses.resolvedCases)
        return try await request.page("dashboard", title: "Dashboard", content)
    }

    private func money(_ minor: Int64?, _ currency: Currency) -> String {
        guard let minor else { return "—" }
        return "\(Money(minorUnits: minor, currency: currency).groupedString) \(currency.code)"
    }
}

extension Array {
    /// The element at `index`, nil when out of range.
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
