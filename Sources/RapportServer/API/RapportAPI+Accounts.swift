import Foundation
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
        var flags: Set<Account.Flag> = []
        for (flag, on) in [(Account.Flag.keyAccount, body.keyAccount), (.hardship, body.hardship),
                           (.newClient, body.newClient), (.newContractor, body.newContractor)] where on == true {
            flags.insert(flag)
        }
        let account = Account(
            id: Account.ID(Self.text(input.path.id) ?? ""), name: Self.text(body.name) ?? "", segment: try Self.core(body.segment),
            parentID: Self.text(body.parentId).map { Account.ID($0) },
            billingFrequency: try body.billingFrequency.map(Self.core) ?? .monthly, specialist: Self.text(body.specialist),
            flags: flags, openedOn: try Self.day(body.openedOn, field: "openedOn"),
            salesperson: Self.text(body.salesperson), serviceManager: Self.text(body.serviceManager))
        let write = try await acting().accounts.put(account)
        let json = try APIRendering.account(write.account)
        return write.outcome == .create ? .created(.init(body: .json(json))) : .ok(.init(body: .json(json)))
    }

    /// A text field as the CSV import reads a cell: trimmed, and nil when nothing is left.
    private static func text(_ value: String?) -> String? {
        let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return trimmed.isEmpty ? nil : trimmed
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
