import RapportCore

/// Read-only questions about an account's ledger.
public protocol LedgerQueries: Sendable {
    /// The account's invoices and unapplied credits as of `day`; nil when the account is unknown.
    func ledgerReport(for account: Account.ID, asOf day: Day) async throws -> LedgerReport?
}
