import RapportCore

/// Credit reviews of new contractors.
public struct CreditReviewUseCases: Sendable {
    let env: AppEnvironment

    /// Records a review and its decision; `limit` is decimal text in `currency`.
    public func add(
        account: Account.ID, decision: CreditReview.Decision, references: [String], note: String, limit: String?, currency: String,
        on day: Day? = nil
    ) async throws -> CreditReview {
        let creditLimit = try limit.map { try Money.parse($0, currency: try Currency(currency)) }
        try RequestRules.checkCreditLimit(creditLimit)
        _ = try await env.requireAccount(account)
        let review = CreditReview(
            id: CreditReview.ID(try await env.ids.next(.creditReview)), accountID: account, reviewedOn: env.day(day),
            references: references, industryCreditGroupNote: note, decision: decision, creditLimit: creditLimit)
        try await env.repositories.creditReviews.insertCreditReview(review)
        return review
    }

    /// The reviews of one account or all, newest first.
    public func list(account: Account.ID? = nil) async throws -> [CreditReview] {
        try await env.repositories.creditReviews.fetchCreditReviews(account: account)
    }
}

extension AppEnvironment {
    /// Credit reviews.
    public var creditReviews: CreditReviewUseCases { CreditReviewUseCases(env: self) }
}
