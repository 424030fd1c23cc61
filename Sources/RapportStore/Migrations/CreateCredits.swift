import FluentKit

/// Money that reduces what an account owes: payments, credit memos and job deposits.
struct CreateCredits: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("payments")
            .externalID()
            .reference("account_id", to: "accounts")
            .required("received_on", .string)
            .required("amount_minor", .int64)
            .required("currency", .string)
            .optionalReference("invoice_id", to: "invoices")
            .field("method", .string)
            .create()
        try await database.createIndex("payments_account", on: "payments", "account_id")
        try await database.createIndex("payments_metrics", on: "payments", "currency", "received_on", "amount_minor")
        try await database.schema("credit_memos")
            .externalID()
            .reference("account_id", to: "accounts")
            .required("issued_on", .string)
            .required("amount_minor", .int64)
            .required("currency", .string)
            .optionalReference("invoice_id", to: "invoices")
            .required("reason", .string)
            .create()
        try await database.createIndex("credit_memos_account", on: "credit_memos", "account_id")
        try await database.createIndex("credit_memos_metrics", on: "credit_memos", "currency", "issued_on", "amount_minor")
        try await database.schema("deposits")
            .externalID()
            .reference("account_id", to: "accounts")
            .reference("job_id", to: "jobs")
            .required("received_on", .string)
            .required("amount_minor", .int64)
            .required("currency", .string)
            .create()
        try await database.createIndex("deposits_job", on: "deposits", "job_id")
        try await database.createIndex("deposits_metrics", on: "deposits", "currency", "received_on", "amount_minor")
    }

    func revert(on database: any Database) async throws {
        try await database.schema("deposits").delete()
        try await database.schema("credit_memos").delete()
        try await database.schema("payments").delete()
    }
}
