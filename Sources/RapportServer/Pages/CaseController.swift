import RapportApp
import RapportCore
import Vapor

/// `GET /cases`, `GET /cases/{id}`, `POST /cases` and the moves `POST /cases/{id}/{route|start|wait|resolve|close|reopen|comment}`.
struct CaseController {
    let app: AppEnvironment

    struct ListContent: Encodable, Sendable {
        struct Row: Encodable, Sendable {
            var id: String; var href: String; var account: String; var accountHref: String; var category: String
            var department: String; var status: String; var onHold: String; var slaDue: String; var breached: Bool
        }
        struct Filter: Encodable, Sendable { var label: String; var href: String; var current: Bool }
        var rows: [Row]
        var departments: [Filter]
        var statuses: [Filter]
        var department: String
        var status: String
        var breachedCount: Int
        var count: Int
        var hasRows: Bool
        var hasDepartments: Bool
    }

    struct DetailContent: Encodable, Sendable {
        struct Entry: Encodable, Sendable { var at: String; var actor: String; var action: String; var details: [String] }
        var id: String
        var account: String
        var accountHref: String
        var facts: [AccountView.Fact]
        var invoices: [String]
        var history: [Entry]
        var mayAct: Bool
        var canStart: Bool
        var canWait: Bool
        var canResolve: Bool
        var canClose: Bool
        var canReopen: Bool
        var departments: [String]
        var resolutions: [String]
        var rootCauses: [AccountView.Fact]
        var errors: [FormErrors.Item]
        var errorsByField: [String: String]
        var hasErrors: Bool
        var mayRoute: Bool
        var formToken: String
    }

    func list(_ request: Request) async throws -> Response {
        let user = try request.requireUser().user
        let asked = try Self.parse(request.query[String.self, at: "department"], Department.self, field: "department")
        let (allowed, department) = user.caseListDepartment(asked: asked)
        guard allowed else {
            throw WebError.forbidden(user.role.allows(.departmentCases) ? "You see only your department's cases." : "Your role cannot see cases.")
        }
        let status = try Self.parse(request.query[String.self, at: "status"], Case.Status.self, field: "status")
        let category = try Self.parse(request.query[String.self, at: "category"], Case.Category.self, field: "category")
        let day = app.clock.today()
        let cases = try await app.cases.list(department: department, status: status)
            .filter { category == nil || $0.category == category }
            .filter { status != nil || $0.isActive }
        let names = Dictionary(try await app.accounts.names(Array(Set(cases.map(\.accountID)))), uniquingKeysWith: { first, _ in first })
        let rows = cases.sorted { ($0.slaDue, $0.id) < ($1.slaDue, $1.id) }.map { item in
            ListContent.Row(
                id: item.id.rawValue, href: "/cases/\(item.id.rawValue)", account: names[item.accountID] ?? item.accountID.rawValue,
                accountHref: "/accounts/\(QueueController.escapePath(item.accountID.rawValue))",
                category: item.category.rawValue.replacing("_", with: " "), department: item.department.rawValue,
                status: item.status.rawValue.replacing("_", with: " "),
                onHold: "\(item.amountOnHold.groupedString) \(item.amountOnHold.currency.code)", slaDue: item.slaDue.isoString,
                breached: item.isActive && day > item.slaDue)
        }
        func href(department: String?, status: String?) -> String {
            var items: [String: String] = [:]
            if let department { items["department"] = department }
            if let status { items["status"] = status }
            return items.isEmpty ? "/cases" : "/cases?" + QueueController.query(items)
        }
        let departments = user.role.allows(.allDepartmentCases) || user.role != .department
            ? [ListContent.Filter(label: "all", href: href(department: nil, status: status?.rawValue), current: department == nil)]
                + Department.allCases.map { ListContent.Filter(label: $0.rawValue, href: href(department: $0.rawValue, status: status?.rawValue), current: $0 == department) }
            : []
        let statuses = [ListContent.Filter(label: "active", href: href(department: department?.rawValue, status: nil), current: status == nil)]
            + Case.Status.allCases.map { ListContent.Filter(label: $0.rawValue.replacing("_", with: " "), href: href(department: department?.rawValue, status: $0.rawValue), current: $0 == status) }
        let title = department.map { "Cases of \($0.rawValue)" } ?? "Cases"
        return try await request.page("cases", title: title, ListContent(
            rows: rows, departments: departments, statuses: statuses, department: department?.rawValue ?? "all",
            status: status?.rawValue ?? "active", breachedCount: rows.filter(\.breached).count, count: rows.count,
            hasRows: !rows.isEmpty, hasDepartments: !departments.isEmpty))
    }

    func show(_ request: Request) async throws -> Response {
        try await render(request, try await load(request), errors: FormErrors(), status: .ok)
    }

    /// Opens a case from the account page's form; errors re-render that page with 422.
    func open(_ request: Request) async throws -> Response {
        let signedIn = try request.require(.workAccounts)
        let form = try request.content.decode(CaseForm.self)
        let accounts = AccountController(app: app)
        guard let accountText = form.account_id.nonEmpty else { throw WebError.notFound("No account was given.") }
        let account = Account.ID(accountText)
        _ = try await app.accounts.get(account)
        switch form.parse() {
        case .failure(let errors):
            return try await accounts.render(request, account, .init(kase: form, caseErrors: errors, openCase: true),
                                             status: .unprocessableEntity)
        case .success(let newCase):
            do {
                return try await FormOnce(app: app).run(request) {
                    let opened = try await app.acting(as: signedIn.user.id.rawValue).cases.open(newCase)
                    return "/cases/\(opened.id.rawValue)?flash=case-opened"
                }
            } catch let error as AppError {
                var errors = FormErrors()
                let message = error.description
                let field = message.hasPrefix("unknown job") || message.hasPrefix("job ") ? "job_id"
                    : form.invoice_id.nonEmpty != nil ? "invoice_id" : "category"
                errors.add(field, message.capitalizedFirst + ".", prefix: "case")
                return try await accounts.render(request, account, .init(kase: form, caseErrors: errors, openCase: true),
                                                 status: .unprocessableEntity)
            }
        }
    }

    struct MoveForm: Decodable {
        var department: String?
        var owner: String?
        var resolution: String?
        var root_cause: String?
        var corrective_action: String?
        var comment: String?
    }

    /// One move of the case (`action` is the last path segment).
    func move(_ request: Request, action: String) async throws -> Response {
        let item = try await load(request)
        let user = try request.requireUser().user
        guard Self.mayAct(user, on: item, action: action) else {
            throw WebError.forbidden("Only \(item.department.rawValue) (or a manager) can \(action) this case.")
        }
        let form = try request.content.decode(MoveForm.self)
        var errors = FormErrors()
        let change: CaseUseCases.Change?
        switch action {
        case "route":
            let department = try? Self.parse(form.department, Department.self, field: "department")
            if department == nil, form.owner.nonEmpty == nil { errors.add("department", "Choose the department to route to.", prefix: "move") }
            change = .route(department: department, owner: form.owner.nonEmpty, waiting: false)
        case "start": change = .start
        case "wait": change = .wait
        case "close": change = .close
        case "reopen": change = .reopen
        case "resolve":
            let resolution = form.resolution.nonEmpty.flatMap(CaseResolution.init(rawValue:))
            if resolution == nil { errors.add("resolution", "Choose how the case was put right.", prefix: "move") }
            let cause = form.root_cause.nonEmpty
            if cause == nil { errors.add("root_cause", "Choose the root cause.", prefix: "move") }
            else if RootCauseTaxonomy.standard.cause(cause!) == nil { errors.add("root_cause", "Choose a root cause from the list.", prefix: "move") }
            change = resolution.flatMap { resolution in
                cause.map { .resolve(rootCause: $0, resolution: resolution, correctiveAction: form.corrective_action.nonEmpty) }
            }
        case "comment":
            if form.comment.nonEmpty == nil { errors.add("comment", "Write the comment.", prefix: "move") }
            change = nil
        default:
            throw Abort(.notFound)
        }
        guard errors.isEmpty else { return try await render(request, item, errors: errors, status: .unprocessableEntity) }
        let acting = app.acting(as: user.id.rawValue)
        do {
            return try await FormOnce(app: app).run(request) {
                if let change { _ = try await acting.cases.change(item.id, change) } else { try await acting.cases.comment(item.id, form.comment ?? "") }
                return "/cases/\(item.id.rawValue)?flash=case-moved"
            }
        } catch let error as CaseError {
            errors.add(action == "resolve" ? "resolution" : "action", "\(error)".capitalizedFirst + ".", prefix: "move")
            return try await render(request, item, errors: errors, status: .unprocessableEntity)
        }
    }

    /// Core's rule: a department member acts on her department's cases; a specialist may also route or comment on any case.
    static func mayAct(_ user: User, on item: Case, action: String) -> Bool {
        user.mayMove(caseOf: item.department, action: action)
    }

    private func load(_ request: Request) async throws -> Case {
        let user = try request.requireUser().user
        guard let id = request.parameters.get("id") else { throw WebError.notFound("No case id was given.") }
        let item = try await app.cases.get(Case.ID(id))
        guard user.mayRead(item) else {
            throw WebError.forbidden("This case belongs to \(item.department.rawValue); you see only your department's cases.")
        }
        return item
    }

    private func render(_ request: Request, _ item: Case, errors: FormErrors, status: HTTPStatus) async throws -> Response {
        let user = try request.requireUser().user
        let history = try await app.cases.history(item.id)
        let name = try await app.accounts.names([item.accountID]).first?.1 ?? item.accountID.rawValue
        let day = app.clock.today()
        let facts: [AccountView.Fact] = [
            .init(label: "Status", value: item.status.rawValue.replacing("_", with: " ")),
            .init(label: "Category", value: item.category.rawValue.replacing("_", with: " ")),
            .init(label: "Department", value: item.department.rawValue),
            .init(label: "Owner", value: item.owner ?? "-"),
            .init(label: "Job", value: item.jobID?.rawValue ?? "-"),
            .init(label: "What was found", value: item.notes.isEmpty ? "-" : item.notes),
            .init(label: "Amount on hold", value: "\(item.amountOnHold.groupedString) \(item.amountOnHold.currency.code)"),
            .init(label: "Opened", value: item.openedOn.isoString),
            .init(label: "SLA due", value: item.slaDue.isoString + (item.isActive && day > item.slaDue ? " (breached)" : "")),
            .init(label: "Root cause", value: item.rootCause.map { code in
                RootCauseTaxonomy.standard.cause(code).map { "\($0.code): \($0.description)" } ?? code } ?? "-"),
            .init(label: "Resolution", value: item.resolution?.rawValue.replacing("_", with: " ") ?? "-"),
            .init(label: "Corrective action", value: item.correctiveAction ?? "-"),
        ]
        let content = DetailContent(
            id: item.id.rawValue, account: name, accountHref: "/accounts/\(QueueController.escapePath(item.accountID.rawValue))",
            facts: facts, invoices: item.invoiceIDs.map(\.rawValue),
            history: history.map { event in
                DetailContent.Entry(at: event.at.isoString, actor: event.actor, action: event.action.replacing("case.", with: ""),
                                    details: event.after.split(separator: "\n").map(String.init))
            },
            mayAct: user.mayAct(onDepartment: item.department), canStart: [.open, .waitingOnCustomer].contains(item.status),
            canWait: item.status == .inProgress, canResolve: [.inProgress, .waitingOnCustomer].contains(item.status),
            canClose: item.status == .resolved, canReopen: [.resolved, .closed].contains(item.status),
            departments: Department.allCases.map(\.rawValue), resolutions: CaseResolution.allCases.map(\.rawValue),
            rootCauses: RootCauseTaxonomy.standard.causes.values.sorted().map { .init(label: $0.code, value: "\($0.code): \($0.description)") },
            errors: errors.items, errorsByField: errors.byField, hasErrors: !errors.isEmpty,
            mayRoute: Self.mayAct(user, on: item, action: "route") && item.isActive, formToken: app.signIn.newFormToken())
        return try await request.page("case", title: "Case \(item.id.rawValue)", content, status: status, hasErrors: !errors.isEmpty)
    }

    /// An optional enum from a query or form field; a value outside it is a 422 naming the field.
    static func parse<T: RawRepresentable & CaseIterable>(_ text: String?, _ type: T.Type, field: String) throws -> T? where T.RawValue == String {
        guard let text, !text.isEmpty else { return nil }
        guard let value = T(rawValue: text) else {
            throw InvalidField(field, "must be one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }
}
