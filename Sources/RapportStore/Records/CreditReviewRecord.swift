import RapportCore
import SQLKit

/// A row of `credit_reviews`, from a `CreditReview` (references one per line).
struct CreditReviewRecord: BulkRow {
    var review: CreditReview

    static let columns = [
        "id", "account_id", "reviewed_on", "reference_list", "industry_credit_group_note", "decision", "credit_limit_minor", "currency",
    ]

    var sqlValues: [any SQLExpression] {
        [sqlValue(review.id.rawValue), sqlValue(review.accountID.rawValue), sqlValue(review.reviewedOn.isoString),
         sqlValue(review.references.joined(separator: "\n")), sqlValue(review.industryCreditGroupNote), sqlValue(review.decision.rawValue),
         sqlValue(review.creditLimit?.minorUnits), sqlValue(review.creditLimit?.currency.code)]
    }
}
