import FluentKit
import SQLKit

/// How each paid invoice was settled: `cash` when a payment or deposit allocation lands on the day
/// its open amount reached zero, `credit` when only a credit memo did (the invoice was credited,
/// not paid: days-to-pay, days-beyond-terms and the risk model's labels leave it out).
struct AddOpenItemSettledBy: AsyncMigration {
    /// The `settled_by` of the open-item row in scope (used here and after every posting).
    static let settledBy: SQLQueryString = """
        CASE WHEN EXISTS (SELECT 1 FROM allocations a WHERE a.invoice_id = open_items.ref_id \
        AND a.allocated_on = open_items.paid_on AND a.credit_memo_id IS NULL) THEN 'cash' ELSE 'credit' END
        """

    func prepare(on database: any Database) async throws {
        try await database.schema("open_items").field("settled_by", .string).update()
        try await (database as! any SQLDatabase).raw("""
            UPDATE open_items SET settled_by = \(Self.settledBy) WHERE kind = 'invoice' AND paid_on IS NOT NULL
            """).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("open_items").deleteField("settled_by").update()
    }
}
