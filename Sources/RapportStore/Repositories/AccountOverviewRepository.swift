import RapportCore

/// Loads everything the account page shows for an account and its child accounts.
public protocol AccountOverviewRepository: Sendable {
    /// The overview's raw material for `root`'s family as of `day`; nil for an unknown account.
    func fetchOverviewInput(_ root: Account.ID, asOf day: Day) async throws -> AccountOverview.Input?
}
