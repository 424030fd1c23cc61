import RapportCore
import RapportStore
import SQLKit

extension RapportDatabase {
    /// What the copies and counts that postings keep disagree on with the rows they are kept from:
    /// `paid_invoice_counts` against a recount of the cash-paid open items, each allocation's
    /// `account_id` against its invoice's account, each open invoice's collection start and job
    /// against its invoice's, and `receivable_days` against the invoices,
    /// credits and cash-paid invoices regrouped here. Empty when they all agree.
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
        for row in try await sql.raw("""
            SELECT o.ref_id FROM open_items o JOIN invoices i ON i.id = o.ref_id
            WHERE o.kind = 'invoice' AND (o.collection_start IS NULL OR o.collection_start <> i.collection_start
              OR COALESCE(o.job_id, '') <> COALESCE(i.job_id, ''))
            """).all() {
            found.append("collection start or job of the open item of \(try row.decode(column: "ref_id", as: String.self))")
        }
        found += try await receivableDayDisagreements()
        return found
    }

    /// `receivable_days` against the ledger tables regrouped per currency, day, segment and specialist.
    private func receivableDayDisagreements() async throws -> [String] {
        // invoiced, credit memos, received, paid count, paid amount, days to pay, amount × days, days beyond terms
        var expected: [String: [Int64]] = [:]
        func key(_ row: any SQLRow, _ day: String) throws -> String {
            try [row.decode(column: "currency", as: String.self), row.decode(column: day, as: String.self),
                 row.decode(column: "segment", as: String.self), row.decode(column: "specialist", as: String.self)].joined(separator: "|")
        }
        for (table, day, amount, slot) in [
            ("invoices", "issue_date", "total_minor", 0), ("credit_memos", "issued_on", "amount_minor", 1),
            ("payments", "received_on", "amount_minor", 2), ("deposits", "received_on", "amount_minor", 2),
        ] {
            for row in try await sql.raw("""
                SELECT t.currency, t.\(ident: day) AS day, a.segment, COALESCE(a.specialist, '') AS specialist, \
                CAST(SUM(t.\(ident: amount)) AS BIGINT) AS amount FROM \(ident: table) t JOIN accounts a ON a.id = t.account_id GROUP BY 1, 2, 3, 4
                """).all() {
                expected[try key(row, "day"), default: Array(repeating: 0, count: 8)][slot] += try row.decode(column: "amount", as: Int64.self)
            }
        }
        for row in try await sql.raw("""
            SELECT o.currency, o.paid_on, o.day, o.due_on, o.original_minor, a.segment, COALESCE(a.specialist, '') AS specialist
            FROM open_items o JOIN accounts a ON a.id = o.account_id
            WHERE o.kind = 'invoice' AND o.settled_by = 'cash' AND o.paid_on IS NOT NULL
            """).all() {
            func day(_ column: String) throws -> Int64 { Int64(try Day(iso: try row.decode(column: column, as: String.self)).daysSinceEpoch) }
            let amount = try row.decode(column: "original_minor", as: Int64.self)
            let toPay = try day("paid_on") - day("day")
            let beyond = max(0, try day("paid_on") - day("due_on"))
            var sums = expected[try key(row, "paid_on"), default: Array(repeating: 0, count: 8)]
            for (slot, value) in [(3, 1), (4, amount), (5, toPay), (6, amount * toPay), (7, beyond)] { sums[slot] += value }
            expected[try key(row, "paid_on")] = sums
        }
        var kept: [String: [Int64]] = [:]
        let columns = [
            "invoiced_minor", "credit_memo_minor", "received_minor", "paid_count", "paid_minor", "paid_days", "paid_amount_days",
            "paid_beyond_days",
        ]
        for row in try await sql.raw("SELECT * FROM receivable_days").all() {
            kept[try key(row, "day")] = try columns.map { try row.decode(column: $0, as: Int64.self) }
        }
        let zero = [Int64](repeating: 0, count: 8)
        return Set(expected.keys).union(kept.keys).sorted().compactMap { key in
            (expected[key] ?? zero) == (kept[key] ?? zero) ? nil : "receivable days \(key): kept \(kept[key] ?? zero), ledger \(expected[key] ?? zero)"
        }
    }
}
