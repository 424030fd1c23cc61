import RapportCore

/// Stores payment arrangements with their installments.
public protocol ArrangementRepository: Sendable {
    func insertArrangement(_ arrangement: PaymentArrangement) async throws
    /// Arrangements of `accounts`, or all, oldest first, with their installments in order.
    func fetchArrangements(accounts: [Account.ID]?) async throws -> [PaymentArrangement]
    func countArrangements() async throws -> Int
}
