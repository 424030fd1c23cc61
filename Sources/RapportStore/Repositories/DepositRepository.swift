import RapportCore

/// Reads deposits and posts new ones: each is held as unapplied credit until its job is billed
/// off, then applied to the job's final invoice (`DepositPolicy`).
public protocol DepositRepository: Sendable {
    /// The stored deposits among `ids`.
    func fetchDeposits(_ ids: some Collection<Deposit.ID> & Sendable) async throws -> [Deposit]
    /// Inserts new deposits and applies those whose job has its final invoice, in one transaction.
    func postDeposits(_ deposits: [Deposit], progress: BatchProgress?) async throws -> PostingSummary
    /// Calls `body` with every deposit, in id order, a page at a time.
    func forEachDepositPage(size: Int, _ body: ([Deposit]) async throws -> Void) async throws
}
