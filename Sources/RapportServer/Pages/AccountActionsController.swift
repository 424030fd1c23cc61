import RapportApp
import RapportCore
import Vapor

/// The account page's agreements: `POST /accounts/{id}/promises`, `…/arrangements`,
/// `…/billing-changes` and `…/change-requests`. Each parses its form, calls one use case (which
/// audits the change) and answers 303 back to the account, or re-renders the page with 422.
struct AccountActionsController {
    let app: AppEnvironment

    func promise(_ request: Request) async throws -> Response {
        let (user, id) = try await prepare(request)
        let form = try request.content.decode(PromiseForm.self)
        let forms = { (errors: FormErrors) in AccountController.Forms(promise: form, promiseErrors: errors) }
        switch form.parse() {
        case .failure(let errors): return try await refuse(request, id, forms(errors))
        case .success(let promise):
            return try await submit(request, id, prefix: "promise", fields: ["for": "promised_for"], fallback: "invoice_id", forms) {
                _ = try await app.acting(as: user).promises.add(
                    account: id, amount: promise.amount, currency: promise.currency, promisedFor: promise.promisedFor, invoice: promise.invoice)
                return "promise-recorded"
            }
        }
    }

    func arrangement(_ request: Request) async throws -> Response {
        let (user, id) = try await prepare(request)
        let form = try request.content.decode(ArrangementForm.self)
        let forms = { (errors: FormErrors) in AccountController.Forms(arrangement: form, arrangementErrors: errors) }
        switch form.parse() {
        case .failure(let errors): return try await refuse(request, id, forms(errors))
        case .success(let plan):
            return try await submit(request, id, prefix: "arrangement", fields: ["first": "first_on"], fallback: "invoice_ids", forms) {
                _ = try await app.acting(as: user).arrangements.add(
                    account: id, total: plan.total, currency: plan.currency, installments: plan.installments, first: plan.first,
                    invoices: plan.invoices)
                return "arrangement-recorded"
            }
        }
    }

    func billingChange(_ request: Request) async throws -> Response {
        let (user, id) = try await prepare(request)
        let form = try request.content.decode(BillingChangeForm.self)
        let forms = { (errors: FormErrors) in AccountController.Forms(billingChange: form, billingChangeErrors: errors) }
        switch form.parse() {
        case .failure(let errors): return try await refuse(request, id, forms(errors))
        case .success(let change):
            return try await submit(request, id, prefix: "billing", fields: [:], fallback: "invoice_id", forms) {
                _ = try await app.acting(as: user).billingChanges.annualToMonthly(
                    account: id, invoice: change.invoice, effective: change.effective, yearStart: change.yearStart)
                return "billing-changed"
            }
        }
    }

    func changeRequest(_ request: Request) async throws -> Response {
        let (user, id) = try await prepare(request)
        let form = try request.content.decode(ChangeRequestForm.self)
        let forms = { (errors: FormErrors) in AccountController.Forms(changeRequest: form, changeRequestErrors: errors) }
        switch form.parse(account: id) {
        case .failure(let errors): return try await refuse(request, id, forms(errors))
        case .success(let change):
            return try await submit(request, id, prefix: "change", fields: [:], fallback: "location_id", forms) {
                _ = try await app.acting(as: user).changeRequests.add(change)
                return "change-reported"
            }
        }
    }

    /// The signed-in user allowed to work accounts, and the stored account of the path.
    private func prepare(_ request: Request) async throws -> (String, Account.ID) {
        let user = try request.require(.workAccounts).user.id.rawValue
        let id = try AccountController.accountID(request)
        _ = try await app.accounts.get(id)
        return (user, id)
    }

    private func refuse(_ request: Request, _ id: Account.ID, _ forms: AccountController.Forms) async throws -> Response {
        try await AccountController(app: app).render(request, id, forms, status: .unprocessableEntity)
    }

    /// Runs `work` once per form (it answers with a flash code) and goes back to the account's
    /// agreements; a rule it breaks is shown beside the form field it names (the use case's field
    /// names mapped by `fields`), anything else beside `fallback`.
    private func submit(
        _ request: Request, _ id: Account.ID, prefix: String, fields: [String: String], fallback: String,
        _ forms: (FormErrors) -> AccountController.Forms, work: () async throws -> String
    ) async throws -> Response {
        do {
            return try await FormOnce(app: app).run(request) {
                let flash = try await work()
                return "/accounts/\(QueueController.escapePath(id.rawValue))?flash=\(flash)#agreements"
            }
        } catch let error as InvalidField {
            var errors = FormErrors()
            let field = fields[error.field] ?? error.field
            errors.add(field, "\(field.replacing("_", with: " ").capitalizedFirst) \(error.reason).", prefix: prefix)
            return try await refuse(request, id, forms(errors))
        } catch let error as AppError {
            if case .notFound(let message) = error, message.hasPrefix("unknown account") { throw error }
            var errors = FormErrors()
            errors.add(fallback, error.description.capitalizedFirst + ".", prefix: prefix)
            return try await refuse(request, id, forms(errors))
        }
    }
}
