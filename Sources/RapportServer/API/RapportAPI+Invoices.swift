import RapportApp
import RapportCore

extension RapportAPI {
    func listInvoices(_ input: Operations.ListInvoices.Input) async throws -> Operations.ListInvoices.Output {
        try APICaller.require(.readAccounts)
        let paging = try APIPaging(limit: input.query.limit, cursor: input.query.cursor)
        let fetched = try await app.invoices.page(
            account: input.query.accountId.map { Account.ID($0) }, openOnly: input.query.open ?? false,
            after: paging.after.map { Invoice.ID($0) }, limit: paging.limit + 1)
        let page = paging.nextCursor(fetched) { $0.0.id.rawValue }
        let invoices = page.items.map { invoice, open, start in
            APIRendering.invoice(invoice, open: open, collectionStart: start, allocations: [])
        }
        return .ok(.init(body: .json(.init(invoices: invoices, nextCursor: page.nextCursor))))
    }

    func getInvoice(_ input: Operations.GetInvoice.Input) async throws -> Operations.GetInvoice.Output {
        let user = try APICaller.current()
        let detail = try await app.invoices.detail(Invoice.ID(input.path.id))
        guard user.mayRead(accountConcerning: detail.departmentsConcerned) else {
            throw APIProblem.forbidden("Invoice \(input.path.id) has no case or follow-up item of your department.")
        }
        return .ok(.init(body: .json(APIRendering.invoice(
            detail.invoice, open: detail.open, collectionStart: detail.collectionStart, allocations: detail.allocations))))
    }

    func createInvoice(_ input: Operations.CreateInvoice.Input) async throws -> Operations.CreateInvoice.Output {
        try APICaller.require(.imports)
        guard case .json(let body) = input.body else { throw APIProblem.badRequest("Send the invoice as JSON.") }
        let rows: [[String: String?]] = body.lines.map { line in
            ["invoice_id": body.invoiceId, "account_id": body.accountId, "issue_date": body.issueDate, "due_date": body.dueDate,
             "amount": line.amount, "currency": body.currency, "location_id": line.locationId, "job_id": body.jobId,
             "description": line.description]
        }
        let created = try await APIRowImport(app: try acting()).write(.invoices, rows: rows, linesField: "lines")
        let posted = try await app.invoices.posted(Invoice.ID(body.invoiceId))
        let json = APIRendering.invoice(posted.invoice, open: posted.open, collectionStart: posted.collectionStart, allocations: posted.allocations)
        return created ? .created(.init(body: .json(json))) : .ok(.init(body: .json(json)))
    }
}
