import FluentKit

/// Credit reviews of new contractors.
struct CreateCreditReview: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("credit_reviews")
            .externalID()
            .reference("account_id", to: "accounts")
            .required("reviewed_on", .string)
            .required("reference_list", .string)
            .required("industry_credit_group_note", .string)
            .required("decision", .string)
            .field("credit_limit_minor", .int64)
            .field("currency", .string)
            .create()
        try await database.createIndex("credit_reviews_account", on: "credit_reviews", "account_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema("credit_reviews").delete()
    }
}
