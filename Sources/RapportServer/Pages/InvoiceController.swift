import RapportApp
import RapportCore
import Vapor

/// `GET /invoices/{id}`: the lines by location, what was applied, what is open, the job behind it and the case that holds it.
struct InvoiceController {
    let app: AppEnvironment

    struct Line: Encodable, Sendable { var location: String; var description: String; var amount: String }
    struct Applied: Encodable, Sendable { var day: String; var source: String; var amount: String }
    struct Hold: Encodable, Sendable { var id: String; var href: String; var category: String; var department: String; var status: String }
    struct Content: Encodable, Sendable {
        var id: String
        var account: String
        var accountHref: String
        var facts: [AccountView.Fact]
        var lines: [Line]
        var applied: [Applied]
        var hasApplied: Bool
        var holds: [Hold]
        var held: Bool
        var job: [String]
        var hasJob: Bool
    }

    func show(_ request: Request) async throws -> Response {
        let user = try request.requireUser().user
        guard let id = request.parameters.get("id") else { throw WebError.notFound("No invoice id was given.") }
        let detail = try await app.invoices.detail(Invoice.ID(id))
        guard user.mayRead(accountConcerning: detail.departmentsConcerned) else {
            throw WebError.forbidden("This invoice has no case or follow-up item of your department.")
        }
        let invoice = detail.invoice
        func money(_ value: Money) -> String { "\(value.groupedString) \(value.currency.code)" }
        let facts: [AccountView.Fact] = [
            .init(label: "Issued", value: invoice.issueDate.isoString), .init(label: "Due", value: invoice.dueDate.isoString),
            .init(label: "Collection starts", value: detail.collectionStart.isoString), .init(label: "Total", value: money(invoice.total)),
            .init(label: "Open", value: money(detail.open)),
        ]
        let lines = invoice.lines.map { line in
            Line(location: line.locationID.flatMap { detail.locationNames[$0] } ?? "Whole account", description: line.description,
                 amount: money(line.amount))
        }.sorted { $0.location < $1.location }
        let applied = detail.allocations.map { Applied(day: $0.allocatedOn.isoString, source: $0.source.description, amount: money($0.amount)) }
        let holds = detail.holdingCases.map { item in
            Hold(id: item.id.rawValue, href: "/cases/\(item.id.rawValue)", category: item.category.rawValue.replacing("_", with: " "),
                 department: item.department.rawValue, status: item.status.rawValue.replacing("_", with: " "))
        }
        let job = detail.job.map { job in
            ["\(job.id.rawValue): \(job.kind.rawValue), \(job.percentComplete) % complete, owned by \(job.ownerDepartment.rawValue)"
             + (job.billedOffOn.map { ", billed off \($0)" } ?? "")]
                + job.followUps.filter { $0.completedOn == nil }.map { "open: \($0.description) (\($0.department.rawValue), due \($0.dueOn))" }
        } ?? []
        let content = Content(
            id: invoice.id.rawValue, account: "\(detail.account.name) (\(detail.account.id.rawValue))",
            accountHref: "/accounts/\(QueueController.escapePath(detail.account.id.rawValue))", facts: facts, lines: lines,
            applied: applied, hasApplied: !applied.isEmpty, holds: holds, held: !holds.isEmpty, job: job, hasJob: !job.isEmpty)
        return try await request.page("invoice", title: "Invoice \(invoice.id.rawValue)", content)
    }
}
