import RapportCore

/// Reading an account: its ledger, its statement, who to call.
public struct AccountUseCases: Sendable {
    let env: AppEnvironment

    /// The account's invoices and open balances as of `day` (default today).
    public func ledger(_ id: Account.ID, asOf day: Day? = nil) async throws -> LedgerReport {
        guard let report = try await env.repositories.ledger.ledgerReport(for: id, asOf: env.day(day)) else {
            throw AppError.notFound("unknown account \(id)")
        }
        return report
    }

    /// The open invoices of the account and its child accounts as of `day`, lines grouped by location.
    public func statement(_ id: Account.ID, asOf day: Day? = nil) async throws -> AccountStatement {
        let day = env.day(day)
        let repositories = env.repositories
        let ids = try await repositories.accounts.fetchFamily(of: id).map(\.id)
        guard !ids.isEmpty else { throw AppError.notFound("unknown account \(id)") }
        let ledgers = try await repositories.ledger.ledgerReports(for: ids, asOf: day)
        let openIDs = ledgers.flatMap { $0.invoices.filter(\.open.isPositive).map(\.invoiceID) }
        let invoices = try await repositories.invoices.fetchInvoices(openIDs)
        let locationIDs = Set(invoices.flatMap { $0.lines.compactMap(\.locationID) })
        let names = Dictionary(uniqueKeysWithValues: try await repositories.locations.fetchLocations(Array(locationIDs)).map { ($0.id, $0.name) })
        return try AccountStatement(accountID: id, ledgers: ledgers, invoices: invoices, locationNames: names)
    }

    /// Accounts found by id, name, contact (name, email, phone) or invoice number, at most `limit`.
    public func search(_ text: String, limit: Int = 50) async throws -> [Account] {
        try await env.repositories.accounts.searchAccounts(text, limit: limit)
    }

    /// The names of the stored accounts among `ids`.
    public func names(_ ids: [Account.ID]) async throws -> [(Account.ID, String)] {
        guard !ids.isEmpty else { return [] }
        return try await env.repositories.accounts.fetchAccounts(ids).map { ($0.id, $0.name) }
    }

    /// One account.
    public func get(_ id: Account.ID) async throws -> Account { try await env.requireAccount(id) }

    /// Up to `limit` accounts by id after `after` (the API's pages).
    public func page(after: Account.ID?, limit: Int) async throws -> [Account] {
        try await env.repositories.accounts.fetchAccountPage(after: after, limit: limit)
    }

    /// The customer's contacts by location and role, and our people, for the account and its children.
    public func whoToCall(_ id: Account.ID) async throws -> WhoToCallSheet {
        let repositories = env.repositories
        let accounts = try await repositories.accounts.fetchFamily(of: id)
        guard let root = accounts.first else { throw AppError.notFound("unknown account \(id)") }
        let contacts = try await repositories.contacts.fetchContacts(accounts: accounts.map(\.id))
        let names = Dictionary(uniqueKeysWithValues: try await repositories.locations
            .fetchLocations(Array(Set(contacts.compactMap(\.locationID)))).map { ($0.id, $0.name) })
        return WhoToCallSheet(accountID: root.id, accounts: accounts, contacts: contacts, locationNames: names)
    }
}

extension AppEnvironment {
    /// Account ledgers, statements and contact sheets.
    public var accounts: AccountUseCases { AccountUseCases(env: self) }
}

extension AccountUseCases {
    /// The account page: everything about the account and its child accounts as of `day` (default today).
    /// `latestEvents` bounds the timeline to that many newest events (all when nil); the touches
    /// beyond it are then not read at all.
    public func overview(
        _ id: Account.ID, asOf day: Day? = nil, buckets: AgingBuckets = .standard, latestEvents: Int? = nil
    ) async throws -> AccountOverview {
        guard let input = try await env.repositories.overviews.fetchOverviewInput(id, asOf: env.day(day), latestTouches: latestEvents) else {
            throw AppError.notFound("unknown account \(id)")
        }
        var overview = AccountOverview(input, buckets: buckets)
        if let latestEvents { overview.timeline = Array(overview.timeline.prefix(latestEvents)) }
        return overview
    }
}
