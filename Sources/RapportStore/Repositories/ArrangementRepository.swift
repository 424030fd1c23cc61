import RapportCore

/// Stores payment arrangements with their installments and the invoices they pay off.
public protocol ArrangementRepository: Sendable {
    func insertArrangement(_ arrangement: PaymentArrangement) async throws
    /// Arrangements of `accounts`, or all, oldest first, with their installments in order.
    func fetchArrangements(accounts: [Account.ID]?) async throws -> [PaymentArrangement]
    /// The payment allocations to the arranged invoices of `arrangements` (what their standing counts).
    func fetchArrangementAllocations(_ arrangements: [PaymentArrangement]) async throws -> [Allocation]
    func countArrangements() async throws -> Int
}
