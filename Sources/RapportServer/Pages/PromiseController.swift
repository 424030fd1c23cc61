import RapportApp
import RapportCore
import Vapor

/// `GET /promises[?date=YYYY-MM-DD]`: every promise to pay on the day, due this week first, then
/// the later ones still pending, then the broken ones (kept promises are counted, not listed).
struct PromiseController {
    let app: AppEnvironment

    struct Row: Encodable, Sendable {
        var id: String
        var accountID: String
        var accountHref: String
        var invoiceID: String?
        var invoiceHref: String?
        var amount: String
        var madeOn: String
        var promisedFor: String
    }

    struct Section: Encodable, Sendable {
        var id: String
        var title: String
        var rows: [Row]
        var isEmpty: Bool
    }

    struct Content: Encodable, Sendable {
        var date: String
        var sections: [Section]
        var kept: Int
    }

    func list(_ request: Request) async throws -> Response {
        try request.require(.readAccounts)
        let day = try QueueController.day(request.query[String.self, at: "date"], field: "date") ?? app.today
        let standings = try await app.promises.list(asOf: day)
        var bySection: [PromiseAgenda: [Row]] = [:]
        for standing in standings.sorted(by: { ($0.promise.promisedFor, $0.promise.id.rawValue) < ($1.promise.promisedFor, $1.promise.id.rawValue) }) {
            let promise = standing.promise
            let section = PromiseAgenda.of(status: standing.status, promisedFor: promise.promisedFor, on: day)
            bySection[section, default: []].append(Row(
                id: promise.id.rawValue, accountID: promise.accountID.rawValue,
                accountHref: "/accounts/\(QueueController.escapePath(promise.accountID.rawValue))", invoiceID: promise.invoiceID?.rawValue,
                invoiceHref: promise.invoiceID.map { "/invoices/\(QueueController.escapePath($0.rawValue))" },
                amount: "\(promise.amount.groupedString) \(promise.amount.currency.code)", madeOn: promise.madeOn.isoString,
                promisedFor: promise.promisedFor.isoString))
        }
        let titles: [(PromiseAgenda, String)] = [
            (.dueThisWeek, "Due this week"), (.active, "Active, due later"), (.broken, "Broken"),
        ]
        let sections = titles.map { agenda, title in
            Section(id: agenda.rawValue, title: title, rows: bySection[agenda] ?? [], isEmpty: (bySection[agenda] ?? []).isEmpty)
        }
        return try await request.page("promises", title: "Promises to pay on \(day.isoString)", Content(
            date: day.isoString, sections: sections, kept: bySection[.kept]?.count ?? 0))
    }
}
