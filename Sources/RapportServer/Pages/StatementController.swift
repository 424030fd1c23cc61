import RapportApp
import RapportCore
import Vapor

/// `GET /accounts/{id}/statement[?as_of=YYYY-MM-DD]`: the printable statement of an account and its
/// child accounts — the open invoices, then every line grouped by location — as
/// `rapport statement` builds it.
struct StatementController {
    let app: AppEnvironment

    struct Invoice: Encodable, Sendable {
        var id: String
        var href: String
        var accountID: String
        var issueDate: String
        var dueDate: String
        var total: String
        var open: String
        var daysPastDue: Int
    }

    struct Line: Encodable, Sendable {
        var invoiceID: String
        var issueDate: String
        var description: String
        var amount: String
    }

    struct Section: Encodable, Sendable {
        var name: String
        var accountID: String
        var lines: [Line]
        var billed: [String]
    }

    struct Content: Encodable, Sendable {
        var accountID: String
        var accountHref: String
        var name: String
        var asOf: String
        var totalOpen: [String]
        var invoices: [Invoice]
        var sections: [Section]
        var hasInvoices: Bool
    }

    func show(_ request: Request) async throws -> Response {
        try request.require(.readAccounts)
        let id = try AccountController.accountID(request)
        let day = try QueueController.day(request.query[String.self, at: "as_of"], field: "as_of") ?? app.clock.today()
        let account = try await app.accounts.get(id)
        let statement = try await app.accounts.statement(id, asOf: day)
        func money(_ amount: Money) -> String { "\(amount.groupedString) \(amount.currency.code)" }
        func totals(_ byCurrency: [Currency: Money]) -> [String] { byCurrency.sorted { $0.key.code < $1.key.code }.map { money($0.value) } }
        let invoices = statement.invoices.map { open in
            Invoice(id: open.invoiceID.rawValue, href: "/invoices/\(QueueController.escapePath(open.invoiceID.rawValue))",
                    accountID: open.accountID.rawValue, issueDate: open.issueDate.isoString, dueDate: open.dueDate.isoString,
                    total: money(open.total), open: money(open.open), daysPastDue: open.daysPastDue)
        }
        let sections = statement.sections.map { section in
            Section(name: section.name, accountID: section.accountID.rawValue,
                    lines: section.lines.map { Line(invoiceID: $0.invoiceID.rawValue, issueDate: $0.issueDate.isoString,
                                                    description: $0.description, amount: money($0.amount)) },
                    billed: totals(section.billed))
        }
        let content = Content(
            accountID: id.rawValue, accountHref: "/accounts/\(QueueController.escapePath(id.rawValue))", name: account.name,
            asOf: day.isoString, totalOpen: totals(statement.totalOpen), invoices: invoices, sections: sections, hasInvoices: !invoices.isEmpty)
        return try await request.page("statement", title: "Statement for \(account.name) (\(id.rawValue))", content)
    }
}
