import RapportCore

/// Payments and credit memos as stored, each with what of it is not yet applied to an invoice.
public struct CreditUseCases: Sendable {
    let env: AppEnvironment

    /// A payment and its unapplied rest.
    public func payment(_ id: Payment.ID) async throws -> (payment: Payment, unapplied: Money) {
        guard let payment = try await env.repositories.payments.fetchPayments([id]).first else {
            throw AppError.notFound("unknown payment \(id)")
        }
        return (payment, try await unapplied(.payment(id), account: payment.accountID, day: payment.receivedOn, amount: payment.amount))
    }

    /// A credit memo and its unapplied rest.
    public func creditMemo(_ id: CreditMemo.ID) async throws -> (memo: CreditMemo, unapplied: Money) {
        guard let memo = try await env.repositories.creditMemos.fetchCreditMemos([id]).first else {
            throw AppError.notFound("unknown credit memo \(id)")
        }
        return (memo, try await unapplied(.creditMemo(id), account: memo.accountID, day: memo.issuedOn, amount: memo.amount))
    }

    /// The unapplied rest of `source` in its account's ledger as of today (or its own day, when later).
    private func unapplied(_ source: CreditSource, account: Account.ID, day: Day, amount: Money) async throws -> Money {
        let ledger = try await env.repositories.ledger.ledgerReport(for: account, asOf: max(env.today, day))
        return ledger?.credits.first { $0.source == source }?.unapplied ?? .zero(amount.currency)
    }
}

extension AppEnvironment {
    /// Payments and credit memos.
    public var credits: CreditUseCases { CreditUseCases(env: self) }
}
