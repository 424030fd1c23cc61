import RapportCore

/// Read-only questions about an account's ledger.
public protocol LedgerQueries: Sendable {
    /// The account's invoices and unapplied credits as of `day`; nil when the account is unknown.
    func ledgerReport(for account: Account.ID, asOf day: Day) async throws -> LedgerReport?
    /// The ledgers of `accounts` as of `day`, in the order given; unknown accounts are left out.
    func ledgerReports(for accounts: [Account.ID], asOf day: Day) async throws -> [LedgerReport]
    /// What is open now on each of `invoices` that exists.
    func openAmounts(of invoices: [Invoice.ID]) async throws -> [Invoice.ID: Money]
}
