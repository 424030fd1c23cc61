import RapportApp
import RapportCore

extension RapportAPI {
    func listAccounts(_ input: Operations.ListAccounts.Input) async throws -> Operations.ListAccounts.Output {
        try APICaller.require(.readAccounts)
        let paging = try APIPaging(limit: input.query.limit, cursor: input.query.cursor)
        let fetched = try await app.accounts.page(after: paging.after.map { Account.ID($0) }, limit: paging.limit + 1)
        let page = paging.nextCursor(fetched) { $0.id.rawValue }
        return .ok(.init(body: .json(.init(accounts: try page.items.map(APIRendering.account), nextCursor: page.nextCursor))))
    }

    func getAccount(_ input: Operations.GetAccount.Input) async throws -> Operations.GetAccount.Output {
        let day = try Self.day(input.query.asOf, field: "as_of") ?? app.today
        let overview = try await requireReadable(Account.ID(input.path.id), asOf: day)
        return .ok(.init(body: .json(try Self.overview(overview))))
    }

    func putAccount(_ input: Operations.PutAccount.Input) async throws -> Operations.PutAccount.Output {
        try APICaller.require(.imports)
        guard case .json(let body) = input.body else { throw APIProblem.badRequest("Send the account as JSON.") }
        let row: [String: String?] = [
            "account_id": input.path.id, "name": body.name, "segment": body.segment.rawValue, "parent_id": body.parentId,
            "billing_frequency": body.billingFrequency?.rawValue, "specialist": body.specialist,
            "key_account": body.keyAccount.map(String.init), "hardship": body.hardship.map(String.init),
            "opened_on": body.openedOn, "salesperson": body.salesperson, "service_manager": body.serviceManager,
            "new_client": body.newClient.map(String.init), "new_contractor": body.newContractor.map(String.init),
        ]
        let created = try await APIRowImport(app: try acting()).write(.accounts, rows: [row])
        let account = try await app.accounts.get(Account.ID(input.path.id))
        let json = try APIRendering.account(account)
        return created ? .created(.init(body: .json(json))) : .ok(.init(body: .json(json)))
    }

    func getLedger(_ input: Operations.GetLedger.Input) async throws -> Operations.GetLedger.Output {
        let id = Account.ID(input.path.id)
        let day = try Self.day(input.query.asOf, field: "as_of") ?? app.today
        if !(try APICaller.current().role.allows(.readAccounts)) { _ = try await requireReadable(id, asOf: day) }
        return .ok(.init(body: .json(APIRendering.ledger(try await app.accounts.ledger(id, asOf: day)))))
    }

    /// The overview of `id` on `day`, refused with 403 unless the caller may read it (Core's rule).
    func requireReadable(_ id: Account.ID, asOf day: Day) async throws -> AccountOverview {
        let overview = try await app.accounts.overview(id, asOf: day)
        guard try APICaller.current().mayRead(accountConcerning: overview.departmentsConcerned) else {
            throw APIProblem.forbidden("Account \(id) has no case or follow-up item of your department.")
        }
        return overview
    }

    /// The account page's overview as JSON.
    static func overview(_ overview: AccountOverview) throws -> Components.Schemas.AccountOverview {
        let account = try overview.accounts.first { $0.id == overview.accountID }.map(APIRendering.account)
        guard let account else { throw APIRenderingError(detail: "the overview of \(overview.accountID) lacks its account") }
        let invoices = overview.openByLocation.flatMap { group in
            group.invoices.map { invoice in
                Components.Schemas.OpenInvoice(
                    invoiceId: invoice.invoiceID.rawValue, accountId: invoice.accountID.rawValue, locationId: group.locationID?.rawValue,
                    location: group.name, issueDate: invoice.issueDate.isoString, dueDate: invoice.dueDate.isoString,
                    currency: invoice.total.currency.code, total: invoice.total.decimalString, open: invoice.open.decimalString,
                    daysPastDue: invoice.daysPastDue, bucket: invoice.bucket)
            }
        }
        return Components.Schemas.AccountOverview(
            account: account, asOf: overview.asOf.isoString, family: try overview.accounts.map(APIRendering.account),
            balances: overview.balances.map { .init(amount: $0.decimalString, currency: $0.currency.code) },
            openInvoices: invoices, openCases: try overview.openCases.map(APIRendering.case),
            promises: try overview.promises.map { standing in
                Components.Schemas.AccountPromise(
                    promiseId: standing.promise.id.rawValue, accountId: standing.promise.accountID.rawValue,
                    invoiceId: standing.promise.invoiceID?.rawValue, amount: standing.promise.amount.decimalString,
                    currency: standing.promise.amount.currency.code, madeOn: standing.promise.madeOn.isoString,
                    promisedFor: standing.promise.promisedFor.isoString, status: try APIRendering.choice(standing.status))
            },
            timeline: overview.timeline.map { event in
                Components.Schemas.TimelineEvent(
                    day: event.day.isoString, kind: event.kind.rawValue, accountId: event.accountID.rawValue, id: event.id,
                    summary: event.summary, amount: event.amount?.decimalString, currency: event.amount?.currency.code)
            })
    }
}
