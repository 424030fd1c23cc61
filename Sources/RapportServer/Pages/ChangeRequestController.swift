import RapportApp
import RapportCore
import Vapor

/// `GET /change-requests[?open=true]`: the add-ons and cancellations any department heard of, open
/// ones first, and the invoice lines billed for a service after its cancellation;
/// `POST /change-requests/{id}/apply`: Billing (or a manager) records it applied, audited.
struct ChangeRequestController {
    let app: AppEnvironment

    struct Row: Encodable, Sendable {
        var id: String
        var accountID: String
        var accountHref: String
        var kind: String
        var service: String
        var description: String
        var effectiveOn: String
        var reportedBy: String
        var reportedOn: String
        var appliedOn: String?
    }

    struct Flag: Encodable, Sendable {
        var changeRequestID: String
        var invoiceID: String
        var invoiceHref: String
        var issueDate: String
        var line: Int
        var description: String
        var amount: String
    }

    struct Content: Encodable, Sendable {
        var rows: [Row]
        var flags: [Flag]
        var hasRows: Bool
        var hasFlags: Bool
        var openOnly: Bool
        var mayApply: Bool
        var formToken: String
    }

    func list(_ request: Request) async throws -> Response {
        let user = try request.requireUser().user
        guard user.role.allows(.readAccounts) || user.department == .billing else {
            throw WebError.forbidden("Change requests are for client relations, Billing and managers.")
        }
        let openOnly = request.query[String.self, at: "open"] == "true"
        let listing = try await app.changeRequests.list(openOnly: openOnly)
        let changes = listing.changeRequests.sorted {
            ($0.appliedOn != nil ? 1 : 0, $0.effectiveOn, $0.id.rawValue) < ($1.appliedOn != nil ? 1 : 0, $1.effectiveOn, $1.id.rawValue)
        }
        let rows = changes.map { change in
            Row(id: change.id.rawValue, accountID: change.accountID.rawValue,
                accountHref: "/accounts/\(QueueController.escapePath(change.accountID.rawValue))",
                kind: change.kind.rawValue.replacing("_", with: "-"), service: change.service, description: change.description,
                effectiveOn: change.effectiveOn.isoString, reportedBy: change.reportedBy.rawValue.replacing("_", with: " "),
                reportedOn: change.reportedOn.isoString, appliedOn: change.appliedOn?.isoString)
        }
        let flags = listing.flaggedLines.map { flag in
            Flag(changeRequestID: flag.changeRequestID.rawValue, invoiceID: flag.invoiceID.rawValue,
                 invoiceHref: "/invoices/\(QueueController.escapePath(flag.invoiceID.rawValue))", issueDate: flag.issueDate.isoString,
                 line: flag.lineNumber, description: flag.description, amount: "\(flag.amount.groupedString) \(flag.amount.currency.code)")
        }
        return try await request.page("change-requests", title: "Change requests", Content(
            rows: rows, flags: flags, hasRows: !rows.isEmpty, hasFlags: !flags.isEmpty, openOnly: openOnly,
            mayApply: user.mayAct(onDepartment: .billing), formToken: app.signIn.newFormToken()))
    }

    func apply(_ request: Request) async throws -> Response {
        let user = try request.requireUser().user
        guard user.mayAct(onDepartment: .billing) else { throw WebError.forbidden("Only Billing (or a manager) applies change requests.") }
        guard let id = request.parameters.get("id") else { throw WebError.notFound("No change request was given.") }
        return try await FormOnce(app: app).run(request) {
            _ = try await app.acting(as: user.id.rawValue).changeRequests.apply(ChangeRequest.ID(id))
            return "/change-requests?flash=change-applied"
        }
    }
}
