import RapportApp
import RapportCore
import Vapor

/// `GET /accounts?q=`, `GET /accounts/{id}` (account 360), `POST /accounts/{id}/interactions`.
struct AccountController {
    let app: AppEnvironment

    struct SearchContent: Encodable, Sendable {
        struct Row: Encodable, Sendable { var id: String; var href: String; var name: String; var segment: String; var specialist: String }
        var q: String
        var searched: Bool
        var rows: [Row]
        var found: Bool
    }

    /// What the page's two forms show: the values sent (or prefilled) and their errors.
    struct Forms: Encodable, Sendable {
        var touch: TouchForm
        var touchErrors: FormErrors
        var kase: CaseForm
        var caseErrors: FormErrors
        var openCase: Bool
        var touchToken: String
        var caseToken: String
        /// Both forms' errors, for the summary at the top.
        var errors: [FormErrors.Item]
        var hasErrors: Bool
    }

    struct Content: Encodable, Sendable {
        var account: AccountView
        var forms: Forms
        var mayWork: Bool
        var channels: [String]
        var purposes: [String]
        var outcomes: [String]
        var categories: [String]
        var invoiceIDs: [String]
    }

    func search(_ request: Request) async throws -> Response {
        try request.require(.readAccounts)
        let q = (request.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespaces)
        let found = q.isEmpty ? [] : try await app.accounts.search(q)
        let rows = found.map {
            SearchContent.Row(id: $0.id.rawValue, href: "/accounts/\(QueueController.escapePath($0.id.rawValue))", name: $0.name,
                              segment: $0.segment.rawValue, specialist: $0.specialist ?? "-")
        }
        return try await request.page("accounts", title: "Find an account", SearchContent(q: q, searched: !q.isEmpty, rows: rows, found: !rows.isEmpty))
    }

    func show(_ request: Request) async throws -> Response {
        try request.require(.readAccounts)
        let id = try Self.accountID(request)
        // Prefill from the queue's "log" link or from a touch that found an issue.
        var touch = TouchForm()
        touch.purpose = request.query[String.self, at: "purpose"]
        touch.invoice_id = request.query[String.self, at: "invoice_id"]
        touch.job_id = request.query[String.self, at: "job_id"]
        var kase = CaseForm(account_id: id.rawValue)
        kase.category = request.query[String.self, at: "category"]
        kase.invoice_id = request.query[String.self, at: "invoice_id"]
        kase.job_id = request.query[String.self, at: "job_id"]
        kase.notes = request.query[String.self, at: "case_notes"]
        let openCase = request.query[String.self, at: "open_case"] == "1"
        return try await render(request, id, touch: touch, touchErrors: FormErrors(), kase: kase, caseErrors: FormErrors(),
                                openCase: openCase, status: .ok)
    }

    /// Logs a touch; "issue found" goes straight to the case form, prefilled.
    func logTouch(_ request: Request) async throws -> Response {
        let signedIn = try request.require(.workAccounts)
        let id = try Self.accountID(request)
        _ = try await app.accounts.get(id)
        let form = try request.content.decode(TouchForm.self)
        switch form.parse(account: id, by: signedIn.user.id.rawValue) {
        case .failure(let errors):
            return try await render(request, id, touch: form, touchErrors: errors, kase: CaseForm(account_id: id.rawValue),
                                    caseErrors: FormErrors(), openCase: false, status: .unprocessableEntity)
        case .success(let touch):
            do {
                return try await FormOnce(app: app).run(request) {
                    let logged = try await app.acting(as: signedIn.user.id.rawValue).interactions.log(touch)
                    var query = ["flash": "logged"]
                    if logged.outcome == .issueFound {
                        query["open_case"] = "1"
                        if let job = form.job_id.nonEmpty { query["job_id"] = job }
                        // A problem with a job holds up the job's open invoice: prefill it when the touch named none.
                        if let invoice = logged.invoiceID {
                            query["invoice_id"] = invoice.rawValue
                        } else if let job = form.job_id.nonEmpty, let invoice = try await app.invoices.openInvoices(ofJob: Job.ID(job)).first {
                            query["invoice_id"] = invoice.rawValue
                        }
                        if logged.purpose == .checkIn, form.job_id.nonEmpty != nil { query["category"] = Case.Category.incompleteInstallation.rawValue }
                        query["case_notes"] = String(logged.notes.prefix(500))
                        return "/accounts/\(QueueController.escapePath(id.rawValue))?" + QueueController.query(query) + "#open-case"
                    }
                    return "/accounts/\(QueueController.escapePath(id.rawValue))?" + QueueController.query(query)
                }
            } catch let error as AppError {
                var errors = FormErrors()
                errors.add(form.invoice_id.nonEmpty != nil ? "invoice_id" : "channel", error.description.capitalizedFirst + ".", prefix: "touch")
                return try await render(request, id, touch: form, touchErrors: errors, kase: CaseForm(account_id: id.rawValue),
                                        caseErrors: FormErrors(), openCase: false, status: .unprocessableEntity)
            }
        }
    }

    func render(
        _ request: Request, _ id: Account.ID, touch: TouchForm, touchErrors: FormErrors, kase: CaseForm, caseErrors: FormErrors,
        openCase: Bool, status: HTTPStatus
    ) async throws -> Response {
        let day = app.clock.today()
        let overview = try await app.accounts.overview(id, asOf: day)
        let view = AccountView(overview, asOf: day)
        let user = try request.requireUser().user
        let errors = touchErrors.items + caseErrors.items
        let forms = Forms(touch: touch, touchErrors: touchErrors, kase: kase, caseErrors: caseErrors,
                          openCase: openCase || !caseErrors.isEmpty, touchToken: app.signIn.newFormToken(),
                          caseToken: app.signIn.newFormToken(), errors: errors, hasErrors: !errors.isEmpty)
        let content = Content(
            account: view, forms: forms, mayWork: user.role.allows(.workAccounts),
            channels: Interaction.Channel.allCases.map(\.rawValue), purposes: Interaction.Purpose.allCases.map(\.rawValue),
            outcomes: Interaction.Outcome.allCases.map(\.rawValue), categories: Case.Category.allCases.map(\.rawValue),
            invoiceIDs: view.locations.flatMap { group in group.invoices.map { $0.id } })
        return try await request.page("account", title: "\(view.name) (\(view.id))", content, status: status,
                                      hasErrors: !touchErrors.isEmpty || !caseErrors.isEmpty)
    }

    static func accountID(_ request: Request) throws -> Account.ID {
        guard let id = request.parameters.get("id"), !id.isEmpty else { throw WebError.notFound("No account id was given.") }
        return Account.ID(id)
    }
}

extension String {
    /// The string with its first letter in upper case.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
