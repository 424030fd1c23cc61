import RapportApp
import RapportCore
import Vapor

/// `GET /cash`: the bank payments waiting for a person, with the matcher's evidence and one button
/// per candidate, then the latest applied automatically and why; `POST /cash/{detail}/apply`
/// (form field `invoice_ids`, space- or comma-separated) and `POST /cash/{detail}/reject`.
struct CashController {
    let app: AppEnvironment

    struct Candidate: Encodable, Sendable { var invoiceIDs: String; var label: String; var evidence: String }

    struct Row: Encodable, Sendable {
        var id: String
        var bookedOn: String
        var amount: String
        var payer: String
        var account: String?
        var accountHref: String?
        var remittance: String
        var evidence: [String]
        var candidates: [Candidate]
    }

    struct Content: Encodable, Sendable {
        var waiting: [Row]
        var applied: [Row]
        var hasWaiting: Bool
        var hasApplied: Bool
        var formToken: String
    }

    func list(_ request: Request) async throws -> Response {
        try request.require(.workAccounts)
        let waiting = try await app.cash.exceptions()
        let applied = try await app.cash.applied(limit: 100)
        return try await request.page("cash", title: "Cash application", Content(
            waiting: waiting.map(Self.row), applied: applied.map(Self.row), hasWaiting: !waiting.isEmpty, hasApplied: !applied.isEmpty,
            formToken: app.signIn.newFormToken()))
    }

    /// The form's `invoice_ids`: one or more invoice ids separated by spaces or commas.
    struct ApplyForm: Vapor.Content { var invoice_ids: String? }

    func apply(_ request: Request) async throws -> Response {
        let signedIn = try request.require(.workAccounts)
        let id = try Self.detailID(request)
        let form = try request.content.decode(ApplyForm.self)
        let invoices = (form.invoice_ids ?? "").split { $0 == " " || $0 == "," }.map { Invoice.ID(String($0)) }
        guard !invoices.isEmpty else { throw AppError.invalid("Choose the invoices the payment is for (invoice_ids).") }
        return try await FormOnce(app: app).run(request) {
            _ = try await app.acting(as: signedIn.user.id.rawValue).cash.apply(id, invoices: invoices)
            return "/cash?flash=cash-applied"
        }
    }

    func reject(_ request: Request) async throws -> Response {
        let signedIn = try request.require(.workAccounts)
        let id = try Self.detailID(request)
        return try await FormOnce(app: app).run(request) {
            _ = try await app.acting(as: signedIn.user.id.rawValue).cash.reject(id)
            return "/cash?flash=cash-rejected"
        }
    }

    private static func detailID(_ request: Request) throws -> String {
        guard let id = request.parameters.get("detail"), !id.isEmpty else { throw WebError.notFound("No bank detail was given.") }
        return id
    }

    private static func row(_ item: CashItem) -> Row {
        let proposal = item.proposal
        let account = proposal?.accountID
        return Row(
            id: item.id, bookedOn: item.bookedOn?.isoString ?? "-",
            amount: "\(item.detail.amount.groupedString) \(item.detail.amount.currency.code)",
            payer: item.detail.debtorName ?? item.detail.debtorAccount ?? "unknown", account: account?.rawValue,
            accountHref: account.map { "/accounts/\(QueueController.escapePath($0.rawValue))" },
            remittance: (item.detail.remittance + [item.detail.endToEndID].compactMap { $0 }).joined(separator: " · "),
            evidence: proposal?.evidence ?? [],
            candidates: (proposal?.candidates ?? []).map { candidate in
                let ids = candidate.invoiceIDs.map(\.rawValue)
                return Candidate(invoiceIDs: ids.joined(separator: " "), label: ids.joined(separator: " + "), evidence: candidate.evidence)
            })
    }
}
