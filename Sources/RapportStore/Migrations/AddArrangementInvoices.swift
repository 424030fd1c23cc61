import FluentKit
import SQLKit

/// The invoices each payment arrangement pays off: only payments allocated to them count toward
/// it. Arrangements stored before this migration cover the account's invoices open on the day
/// they were agreed (what `rapport arrangement add` now records by default).
struct AddArrangementInvoices: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("arrangement_invoices")
            .field("arrangement_id", .string, .required, .references("payment_arrangements", "id"))
            .field("invoice_id", .string, .required, .references("invoices", "id"))
            .unique(on: "arrangement_id", "invoice_id")
            .create()
        try await (database as! any SQLDatabase).raw("""
            INSERT INTO arrangement_invoices (arrangement_id, invoice_id)
            SELECT a.id, i.id FROM payment_arrangements a
            JOIN invoices i ON i.account_id = a.account_id
            JOIN open_items o ON o.kind = 'invoice' AND o.ref_id = i.id
            WHERE i.issue_date <= a.agreed_on AND (o.open_minor > 0 OR o.paid_on > a.agreed_on)
            """).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("arrangement_invoices").delete()
    }
}
