import FluentKit

/// Invoices and their lines. `total_minor` is the sum of the lines, fixed at issue; what is still
/// open lives in `open_items`. `collection_start` is the issue day plus the account's collection-start
/// days when the invoice was written. `job_id` is kept as given: jobs are not imported yet.
struct CreateInvoice: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("invoices")
            .externalID()
            .reference("account_id", to: "accounts")
            .required("issue_date", .string)
            .required("due_date", .string)
            .required("collection_start", .string)
            .required("currency", .string)
            .required("total_minor", .int64)
            .field("job_id", .string)
            .create()
        try await database.createIndex("invoices_account_issue", on: "invoices", "account_id", "issue_date")
        // Covering index for metrics: billings summed by day straight from the index, no sort.
        try await database.createIndex(
            "invoices_metrics", on: "invoices", "currency", "issue_date", "due_date", "collection_start", "total_minor")
        try await database.createIndex("invoices_job", on: "invoices", "job_id")
        try await database.schema("invoice_lines")
            .autoID()
            .reference("invoice_id", to: "invoices")
            .required("line_no", .int)
            .optionalReference("location_id", to: "locations")
            .required("description", .string)
            .required("amount_minor", .int64)
            .unique(on: "invoice_id", "line_no")
            .create()
        try await database.createIndex("invoice_lines_location", on: "invoice_lines", "location_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema("invoice_lines").delete()
        try await database.schema("invoices").delete()
    }
}
