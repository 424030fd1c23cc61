import FluentKit

/// Cases (customer problems) and the invoices each one holds up.
struct CreateCase: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("cases")
            .externalID()
            .reference("account_id", to: "accounts")
            .required("category", .string)
            .required("amount_on_hold_minor", .int64)
            .required("currency", .string)
            .required("department", .string)
            .field("owner", .string)
            .required("status", .string)
            .field("root_cause", .string)
            .field("corrective_action", .string)
            .field("resolution", .string)
            .required("opened_on", .string)
            .field("resolved_on", .string)
            .required("sla_days", .int)
            .create()
        try await database.createIndex("cases_account", on: "cases", "account_id")
        try await database.createIndex("cases_department_status", on: "cases", "department", "status")
        try await database.schema("case_invoices")
            .reference("case_id", to: "cases")
            .reference("invoice_id", to: "invoices")
            .unique(on: "case_id", "invoice_id")
            .create()
        try await database.createIndex("case_invoices_invoice", on: "case_invoices", "invoice_id")
    }

    func revert(on database: any Database) async throws {
        try await database.schema("case_invoices").delete()
        try await database.schema("cases").delete()
    }
}
