import RapportCore

/// Stores credit reviews of new contractors.
public protocol CreditReviewRepository: Sendable {
    func insertCreditReview(_ review: CreditReview) async throws
    /// Reviews of `account`, or all, newest first.
    func fetchCreditReviews(account: Account.ID?) async throws -> [CreditReview]
    func countCreditReviews() async throws -> Int
}
