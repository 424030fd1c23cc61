import FluentKit
import SQLKit

/// Reports by segment or specialist without a look-up per invoice: `allocations.account_id` (the
/// invoice's account, copied in like its days — it never changes), the account in every covering
/// index the metrics read, `settled_by` in the paid-invoice index (days-to-pay counts cash only), and
/// `accounts_groups` so a breakdown finds an account's segment and specialist in one small index.
struct AddMetricsGroupIndexes: AsyncMigration {
    /// Each covering index the metrics read: its table, the columns before, then the amount.
    private static let widened: [(name: String, table: String, columns: String)] = [
        ("allocations_settled", "allocations", "currency, invoice_due, invoice_collection_start, allocated_on, account_id, amount_minor"),
        ("allocations_applied", "allocations", "currency, credit_day, allocated_on, account_id, amount_minor"),
        ("invoices_metrics", "invoices", "currency, issue_date, due_date, collection_start, account_id, total_minor"),
        ("payments_metrics", "payments", "currency, received_on, account_id, amount_minor"),
        ("credit_memos_metrics", "credit_memos", "currency, issued_on, account_id, amount_minor"),
        ("deposits_metrics", "deposits", "currency, received_on, account_id, amount_minor"),
        ("open_items_paid", "open_items", "kind, currency, settled_by, paid_on, day, due_on, account_id, original_minor"),
    ]

    /// The same indexes as the baseline made them.
    private static let baseline: [(name: String, table: String, columns: String)] = [
        ("allocations_settled", "allocations", "currency, invoice_due, invoice_collection_start, allocated_on, amount_minor"),
        ("allocations_applied", "allocations", "currency, credit_day, allocated_on, amount_minor"),
        ("invoices_metrics", "invoices", "currency, issue_date, due_date, collection_start, total_minor"),
        ("payments_metrics", "payments", "currency, received_on, amount_minor"),
        ("credit_memos_metrics", "credit_memos", "currency, issued_on, amount_minor"),
        ("deposits_metrics", "deposits", "currency, received_on, amount_minor"),
        ("open_items_paid", "open_items", "kind, currency, paid_on, day, due_on, original_minor"),
    ]

    func prepare(on database: any Database) async throws {
        try await database.schema("allocations").field("account_id", .string).update()
        let sql = database as! any SQLDatabase
        try await sql.raw("""
            UPDATE allocations SET account_id = (SELECT i.account_id FROM invoices i WHERE i.id = allocations.invoice_id)
            """).run()
        try await Self.replace(Self.widened, on: sql)
        try await sql.raw("CREATE INDEX accounts_groups ON accounts (id, segment, specialist)").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("DROP INDEX accounts_groups").run()
        try await Self.replace(Self.baseline, on: sql)
        try await database.schema("allocations").deleteField("account_id").update()
    }

    private static func replace(_ indexes: [(name: String, table: String, columns: String)], on sql: any SQLDatabase) async throws {
        for index in indexes {
            try await sql.raw("DROP INDEX \(ident: index.name)").run()
            try await sql.raw("CREATE INDEX \(ident: index.name) ON \(ident: index.table) (\(unsafeRaw: index.columns))").run()
        }
    }
}
