import RapportCore

/// Stores add-ons and cancellations until Billing applies them.
public protocol ChangeRequestRepository: Sendable {
    func insertChangeRequest(_ change: ChangeRequest) async throws
    func updateChangeRequest(_ change: ChangeRequest) async throws
    func fetchChangeRequest(_ id: ChangeRequest.ID) async throws -> ChangeRequest?
    /// Change requests of one account, or all; only open ones when `openOnly`.
    func fetchChangeRequests(account: Account.ID?, openOnly: Bool) async throws -> [ChangeRequest]
    /// The invoices, with lines, of `accounts` issued after `day`.
    func fetchInvoices(accounts: [Account.ID], issuedAfter day: Day) async throws -> [Invoice]
    func countChangeRequests() async throws -> Int
}
