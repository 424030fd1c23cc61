import RapportCore

/// Stores promises to pay; whether each was kept is derived from payments (`PromiseStatus`).
public protocol PromiseRepository: Sendable {
    func insertPromise(_ promise: PromiseToPay) async throws
    /// The promises of `accounts` (all accounts when nil), oldest first.
    func fetchPromises(accounts: [Account.ID]?) async throws -> [PromiseToPay]
    /// The payments of `accounts` received from `from` on, to judge promises by.
    func fetchPayments(accounts: [Account.ID], from: Day) async throws -> [Payment]
    func countPromises() async throws -> Int
}
