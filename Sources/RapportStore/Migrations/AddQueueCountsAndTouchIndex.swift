import FluentKit
import SQLKit

/// The rest of what the queue reads, made cheap: `paid_invoice_counts` (per account, how many of
/// its invoices were paid in cash and how many of those late — kept by every posting in the same
/// transaction, an invoice being settled once), and `interactions_purpose`, so the latest touch of
/// a purpose is one index seek per account instead of a walk through every touch.
struct AddQueueCountsAndTouchIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("""
            CREATE TABLE paid_invoice_counts (account_id TEXT PRIMARY KEY, paid BIGINT NOT NULL, late BIGINT NOT NULL)
            """).run()
        try await PaidInvoiceCounts.add(where: "paid_on IS NOT NULL", sql)
        try await sql.raw("CREATE INDEX interactions_purpose ON interactions (account_id, purpose, occurred_on, outcome)").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("DROP INDEX interactions_purpose").run()
        try await sql.raw("DROP TABLE paid_invoice_counts").run()
    }
}
