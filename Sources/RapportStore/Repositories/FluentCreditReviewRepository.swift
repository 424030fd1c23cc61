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
        try await ChangeVersion.bump(sql)
    }

    public func fetchCreditReviews(account: Account.ID?) async throws -> [CreditReview] {
        var query = sql.select().column("*").from("credit_reviews")
        if let account { query = query.where("account_id", .equal, account.rawValue) }
        return try await query.orderBy("reviewed_on", .descending).orderBy("id").rows().map { row in
            let id = try row.text("id")
            guard let decision = CreditReview.Decision(rawValue: try row.text("decision")) else {
                throw CorruptRecord(table: "credit_reviews", id: id, reason: "decision")
            }
            let limit = try row.optionalInteger("credit_limit_minor")
            let currency = try row.optionalText("currency")
            let references = try row.text("reference_list")
            return CreditReview(
                id: CreditReview.ID(id), accountID: Account.ID(try row.text("account_id")),
                reviewedOn: try Day(iso: try row.text("reviewed_on")),
                references: references.isEmpty ? [] : references.split(separator: "\n").map(String.init),
                industryCreditGroupNote: try row.text("industry_credit_group_note"), decision: decision,
                creditLimit: try limit.map { Money(minorUnits: $0, currency: try Currency(currency ?? "USD")) })
        }
    }

    public func countCreditReviews() async throws -> Int {
        try await sql.rows("SELECT COUNT(*) AS n FROM credit_reviews").first!.int("n")
    }
}
