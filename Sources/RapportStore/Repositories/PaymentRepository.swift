import RapportCore

/// Reads payments and posts new ones: each is allocated and the open items updated in one transaction.
public protocol PaymentRepository: Sendable {
    /// The stored payments among `ids`.
    func fetchPayments(_ ids: some Collection<Payment.ID> & Sendable) async throws -> [Payment]
    /// Inserts and allocates new payments, oldest received first (ties in the given order):
    /// to the named invoice when there is one, otherwise to the account's oldest open invoices.
    func postPayments(_ payments: [Payment], progress: BatchProgress?) async throws -> PostingSummary
    /// Calls `body` with every payment, in id order, a page at a time.
    func forEachPaymentPage(size: Int, _ body: ([Payment]) async throws -> Void) async throws
}

/// What posting a batch of payments did.
public struct PostingSummary: Sendable, Equatable {
    /// How many allocations were written.
    public var allocations: Int
    /// Money left unapplied on the accounts, per currency.
    public var unapplied: [Currency: Money]
}

extension PostingSummary {
    /// Adds money left unapplied to the total of its currency.
    mutating func addUnapplied(_ money: Money) throws {
        unapplied[money.currency] = try (unapplied[money.currency] ?? .zero(money.currency)).adding(money)
    }
}
