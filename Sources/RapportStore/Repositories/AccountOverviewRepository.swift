import RapportCore

/// Loads everything the account page shows for an account and its child accounts.
public protocol AccountOverviewRepository: Sendable {
    /// The overview's raw material for `root`'s family as of `day`; nil for an unknown account.
    /// `latestTouches` keeps only that many of the newest touches (all when nil): a page that shows
    /// the latest events should not read years of them.
    func fetchOverviewInput(_ root: Account.ID, asOf day: Day, latestTouches: Int?) async throws -> AccountOverview.Input?
    /// Up to `limit` key accounts with the most child accounts, most children first.
    func fetchLargestFamilies(limit: Int) async throws -> [Account.ID]
    /// The first invoice day and the last payment day of the ledger (invoices may be issued ahead;
    /// the last day money came in is where the ledger's activity ends); nil when nothing is invoiced.
    func fetchLedgerSpan() async throws -> (first: Day, last: Day)?
}

extension AccountOverviewRepository {
    /// The key account with the most child accounts (the heaviest account page), if any.
    public func fetchLargestKeyAccount() async throws -> Account.ID? {
        try await fetchLargestFamilies(limit: 1).first
    }
}
