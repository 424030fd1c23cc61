import FluentKit
import RapportCore
import SQLKit

/// `CreditReviewRepository` on SQLite or PostgreSQL. References are stored one per line.
public struct FluentCreditReviewRepository: CreditReviewRepository {
    let database: any Database

    public init(_ database: RapportDatabase) { self.database = database.database }

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    public func insertCreditReview(_ review: CreditReview) async throws {
        try await sql.insertBatched([CreditReviewRecord(review: review)], into: "credit_reviews")
    }

    public func fetchCreditReviews(account: Account.ID?) async throws -> [CreditReview] {
        var query = sql.select().column("*").from("credit_reviews")
        if let account { query = query.where("account_id", .equal, account.rawValue) }
        return try await query.orderBy("reviewed_on", .descending).orderBy("id").all().map { row in
            let id = try row.decode(column: "id", as: String.self)
            guard let decision = CreditReview.Decision(rawValue: try row.decode(column: "decision", as: String.self)) else {
                throw CorruptRecord(table: "credit_reviews", id: id, reason: "decision")
            }
            let limit = try row.decode(column: "credit_limit_minor", as: Int64?.self)
            let currency = try row.decode(column: "currency", as: String?.self)
            let references = try row.decode(column: "reference_list", as: String.self)
            return CreditReview(
                id: CreditReview.ID(id), accountID: Account.ID(try row.decode(column: "account_id", as: String.self)),
                reviewedOn: try Day(iso: try row.decode(column: "reviewed_on", as: String.self)),
                references: references.isEmpty ? [] : references.split(separator: "\n").map(String.init),
                industryCreditGroupNote: try row.decode(column: "industry_credit_group_note", as: String.self), decision: decision,
                creditLimit: try limit.map { Money(minorUnits: $0, currency: try Currency(currency ?? "USD")) })
        }
    }

    public func countCreditReviews() async throws -> Int {
        try await sql.raw("SELECT COUNT(*) AS n FROM credit_reviews").first()!.decode(column: "n", as: Int.self)
    }
}
