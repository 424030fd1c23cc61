import RapportStore
import SQLKit

extension RapportDatabase {
    /// What the copies and counts that postings keep disagree on with the rows they are kept from:
    /// `paid_invoice_counts` against a recount of the cash-paid open items, and each allocation's
    /// `account_id` against its invoice's account. Empty when they all agree.
    public func readModelDisagreements() async throws -> [String] {
        var found: [String] = []
        for row in try await sql.raw("""
            SELECT COALESCE(c.account_id, r.account_id) AS account, c.paid AS kept_paid, c.late AS kept_late, r.paid, r.late
            FROM paid_invoice_counts c FULL OUTER JOIN (
              SELECT account_id, COUNT(*) AS paid, CAST(COALESCE(SUM(paid_late), 0) AS BIGINT) AS late FROM open_items
              WHERE kind = 'invoice' AND settled_by = 'cash' AND paid_on IS NOT NULL GROUP BY account_id) r ON r.account_id = c.account_id
            WHERE c.account_id IS NULL OR r.account_id IS NULL OR c.paid <> r.paid OR c.late <> r.late
            """).all() {
            found.append("paid counts of \(try row.decode(column: "account", as: String.self))")
        }
        for row in try await sql.raw("""
            SELECT a.invoice_id FROM allocations a JOIN invoices i ON i.id = a.invoice_id
            WHERE a.account_id IS NULL OR a.account_id <> i.account_id
            """).all() {
            found.append("account of an allocation to \(try row.decode(column: "invoice_id", as: String.self))")
        }
        return found
    }
}
