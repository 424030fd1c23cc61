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

    /// What the page's forms show: the values sent (or prefilled) and their errors; `render` adds
    /// each form's one-time token and the summary of every error.
    struct Forms: Encodable, Sendable {
        var touch = TouchForm()
        var touchErrors = FormErrors()
        var kase = CaseForm()
        var caseErrors = FormErrors()
        var openCase = false
        var promise = PromiseForm()
        var promiseErrors = FormErrors()
        var arrangement = ArrangementForm()
        var arrangementErrors = FormErrors()
        var billingChange = BillingChangeForm()
        var billingChangeErrors = FormErrors()
        var changeRequest = ChangeRequestForm()
        var changeRequestErrors = FormErrors()
        var touchToken = ""
        var caseToken = ""
        var promiseToken = ""
        var arrangementToken = ""
        var billingChangeToken = ""
        var changeRequestToken = ""
        /// Which of the agreement forms has errors, so it is shown open.
        var open: [String: Bool] = [:]
        /// Every form's errors, for the summary at the top.
        var errors: [FormErrors.Item] = []
        var hasErrors = false
    }

    /// One choice of a select, already compared with the form's value (cheaper for Leaf than a comparison per option).
    struct Option: Encodable, Sendable {
        var value: String
        var selected: Bool

        static func list(_ values: [String], selected: String?) -> [Option] {
            values.map { Option(value: $0, selected: $0 == selected) }
        }
    }

    struct Content: Encodable, Sendable {
        var account: AccountView
        var forms: Forms
        var mayWork: Bool
        var channels: [Option]
        var purposes: [Option]
        var outcomes: [Option]
        var categories: [Option]
        var invoiceIDs: [Option]
        var kinds: [Option]
        var departments: [Option]
        var billedAnnually: Bool
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
        _ = try request.requireUser()
        let id = try Self.accountID(request)
        // Prefill from the queue's "log" link or from a touch that found an issue.
        var touch = TouchForm()
        touch.purpose = request.query[String.self, at: "purpose"]
        touch.invoice_id = request.query[String.self, at: "invoice_id"]
        touch.job_id = request.query[String.self, at: "job_id"]
        var forms = Forms(touch: touch)
        var kase = CaseForm(account_id: id.rawValue)
        kase.category = request.query[String.self, at: "category"]
        kase.invoice_id = request.query[String.self, at: "invoice_id"]
        kase.job_id = request.query[String.self, at: "job_id"]
        kase.notes = request.query[String.self, at: "case_notes"]
        forms.kase = kase
        forms.openCase = request.query[String.self, at: "open_case"] == "1"
        return try await render(request, id, forms, status: .ok)
    }

    /// Logs a touch; "issue found" goes straight to the case form, prefilled.
    func logTouch(_ request: Request) async throws -> Response {
        let signedIn = try request.require(.workAccounts)
        let id = try Self.accountID(request)
        _ = try await app.accounts.get(id)
        let form = try request.content.decode(TouchForm.self)
        switch form.parse(account: id, by: signedIn.user.id.rawValue) {
        case .failure(let errors):
            return try await render(request, id, Forms(touch: form, touchErrors: errors), status: .unprocessableEntity)
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
            } catch let error as InvalidField {
                var errors = FormErrors()
                errors.add(error.field, "\(error.field.replacing("_", with: " ").capitalizedFirst) \(error.reason).", prefix: "touch")
                return try await render(request, id, Forms(touch: form, touchErrors: errors), status: .unprocessableEntity)
            } catch let error as AppError {
                // The refusal names what it is about: the job, the contact or the invoice of the touch.
                let message = error.description
                let field = ["job", "contact", "invoice"].first { message.hasPrefix("unknown \($0) ") || message.hasPrefix("\($0) ") }
                    .map { "\($0)_id" } ?? "channel"
                var errors = FormErrors()
                errors.add(field, message.capitalizedFirst + ".", prefix: "touch")
                return try await render(request, id, Forms(touch: form, touchErrors: errors), status: .unprocessableEntity)
            }
        }
    }

    /// The account page with `forms` as given (values kept, errors shown), and `status`.
    func render(_ request: Request, _ id: Account.ID, _ forms: Forms, status: HTTPStatus) async throws -> Response {
        let day = app.clock.today()
        let allEvents = request.query[String.self, at: "timeline"] == "all"
        // One event more than shown tells the page whether there are older ones.
        let overview = try await app.accounts.overview(id, asOf: day, latestEvents: allEvents ? nil : AccountView.recentEvents + 1)
        let user = try request.requireUser().user
        guard user.mayRead(accountConcerning: overview.departmentsConcerned) else {
            throw WebError.forbidden("This account has no case or follow-up item of your department.")
        }
        let view = AccountView(overview, asOf: day, allEvents: allEvents)
        var forms = forms
        if forms.kase.account_id == nil { forms.kase.account_id = id.rawValue }
        let currency = overview.balances.first?.currency.code ?? "USD"
        if forms.promise.currency == nil { forms.promise.currency = currency }
        if forms.arrangement.currency == nil { forms.arrangement.currency = currency }
        if forms.changeRequest.reported_by == nil { forms.changeRequest.reported_by = Department.clientRelations.rawValue }
        forms.errors = forms.touchErrors.items + forms.caseErrors.items + forms.promiseErrors.items + forms.arrangementErrors.items
            + forms.billingChangeErrors.items + forms.changeRequestErrors.items
        forms.hasErrors = !forms.errors.isEmpty
        forms.open = ["promise": !forms.promiseErrors.isEmpty, "arrangement": !forms.arrangementErrors.isEmpty,
                      "billing": !forms.billingChangeErrors.isEmpty, "change": !forms.changeRequestErrors.isEmpty]
        forms.openCase = forms.openCase || !forms.caseErrors.isEmpty
        forms.touchToken = app.signIn.newFormToken()
        forms.caseToken = app.signIn.newFormToken()
        forms.promiseToken = app.signIn.newFormToken()
        forms.arrangementToken = app.signIn.newFormToken()
        forms.billingChangeToken = app.signIn.newFormToken()
        forms.changeRequestToken = app.signIn.newFormToken()
        let content = Content(
            account: view, forms: forms, mayWork: user.role.allows(.workAccounts),
            channels: Option.list(Interaction.Channel.allCases.map(\.rawValue), selected: forms.touch.channel),
            purposes: Option.list(Interaction.Purpose.allCases.map(\.rawValue), selected: forms.touch.purpose),
            outcomes: Option.list(Interaction.Outcome.allCases.map(\.rawValue), selected: forms.touch.outcome),
            categories: Option.list(Case.Category.allCases.map(\.rawValue), selected: forms.kase.category),
            invoiceIDs: Option.list(view.locations.flatMap { group in group.invoices.map { $0.id } }, selected: forms.billingChange.invoice_id),
            kinds: Option.list(ChangeRequest.Kind.allCases.map(\.rawValue), selected: forms.changeRequest.kind),
            departments: Option.list(Department.allCases.map(\.rawValue), selected: forms.changeRequest.reported_by),
            billedAnnually: overview.accounts.first { $0.id == id }?.billingFrequency == .annual)
        return try await request.page("account", title: "\(view.name) (\(view.id))", content, status: status, hasErrors: forms.hasErrors)
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
