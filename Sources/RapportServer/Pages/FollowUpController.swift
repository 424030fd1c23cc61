import RapportApp
import RapportCore
import Vapor

/// `GET /followups[?department=…]` and `POST /followups/{id}/done`: open punch-list items by department.
struct FollowUpController {
    let app: AppEnvironment

    struct Row: Encodable, Sendable {
        var id: String; var description: String; var department: String; var dueOn: String; var job: String
        var account: String; var accountHref: String; var sinceBilledOff: String; var invoices: [String]; var mayAct: Bool
    }
    struct Content: Encodable, Sendable {
        var rows: [Row]
        var hasRows: Bool
        var filters: [CaseController.ListContent.Filter]
        var hasFilters: Bool
        var formToken: String
    }

    func list(_ request: Request) async throws -> Response {
        let user = try request.requireUser().user
        guard user.role.allows(.departmentCases) || user.role.allows(.allDepartmentCases) else {
            throw WebError.forbidden("Your role cannot see follow-up items.")
        }
        var department = try CaseController.parse(request.query[String.self, at: "department"], Department.self, field: "department")
        let restricted = user.role == .department
        if restricted {
            if let department, department != user.department { throw WebError.forbidden("You see only your department's follow-up items.") }
            department = user.department
        }
        let items = try await app.followUps.open(department: department)
        let rows = items.map { open in
            let account = open.job?.accountID.rawValue ?? "-"
            return Row(
                id: open.item.id.rawValue, description: open.item.description, department: open.item.department.rawValue,
                dueOn: open.item.dueOn.isoString, job: open.item.jobID.rawValue, account: account,
                accountHref: "/accounts/\(QueueController.escapePath(account))",
                sinceBilledOff: open.daysSinceBilledOff.map { "\($0) days" } ?? "not billed off",
                invoices: open.waitingInvoices.map(\.rawValue), mayAct: user.mayAct(onDepartment: open.item.department))
        }
        let filters = restricted ? [] : [CaseController.ListContent.Filter(label: "all", href: "/followups", current: department == nil)]
            + Department.allCases.map {
                CaseController.ListContent.Filter(label: $0.rawValue, href: "/followups?department=\($0.rawValue)", current: $0 == department)
            }
        let title = department.map { "Follow-up items of \($0.rawValue)" } ?? "Follow-up items"
        return try await request.page("followups", title: title, Content(
            rows: rows, hasRows: !rows.isEmpty, filters: filters, hasFilters: !filters.isEmpty, formToken: app.signIn.newFormToken()))
    }

    func done(_ request: Request) async throws -> Response {
        let user = try request.requireUser().user
        guard let id = request.parameters.get("id") else { throw WebError.notFound("No follow-up item was given.") }
        let item = try await app.followUps.get(FollowUpItem.ID(id))
        guard user.mayAct(onDepartment: item.department) else {
            throw WebError.forbidden("Only \(item.department.rawValue) (or a manager) can mark this item done.")
        }
        return try await FormOnce(app: app).run(request) {
            _ = try await app.acting(as: user.id.rawValue).followUps.complete(item.id)
            return "/followups?department=\(item.department.rawValue)&flash=followup-done"
        }
    }
}
