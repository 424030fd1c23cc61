import RapportCore
import SQLKit

/// Keeps and reads `paid_invoice_counts` (see `AddQueueCountsAndTouchIndex`). The counts hold
/// every cash-paid invoice to date; as of a past day, the invoices paid after it (a read of the
/// paid-day index, empty for today) are taken off again, so the answer is exact on every day.
enum PaidInvoiceCounts {
    /// Adds every cash-settled invoice open item that `condition` (on `open_items`) selects.
    static func add(where condition: SQLQueryString, index: SQLQueryString = "", _ sql: any SQLDatabase) async throws {
        try await sql.raw("""
            INSERT INTO paid_invoice_counts (account_id, paid, late) \
            SELECT account_id, COUNT(*), CAST(COALESCE(SUM(paid_late), 0) AS BIGINT) FROM open_items \(index) \
            WHERE kind = 'invoice' AND settled_by = 'cash' AND paid_on IS NOT NULL AND \(condition) GROUP BY account_id \
            ON CONFLICT (account_id) DO UPDATE SET paid = paid_invoice_counts.paid + excluded.paid, \
            late = paid_invoice_counts.late + excluded.late
            """).run()
    }

    /// Adds the invoices `ids`, just settled.
    static func add(settled ids: [String], _ sql: any SQLDatabase) async throws {
        guard !ids.isEmpty else { return }
        try await add(where: "ref_id IN \(SQLBind.group(ids))", index: ReceivableDays.byReference(sql), sql)
    }

    /// Per account that `accounts` (an SQL subquery of ids) selects, how many invoices were paid
    /// in cash on or before `day` and how many of them late.
    static func perAccount(_ accounts: SQLQueryString, through day: Day, _ sql: any SQLDatabase) async throws -> [Account.ID: (paid: Int, late: Int)] {
        var counts: [Account.ID: (paid: Int, late: Int)] = [:]
        for row in try await sql.rows("SELECT account_id, paid, late FROM paid_invoice_counts WHERE account_id IN \(accounts)") {
            counts[Account.ID(try row.text("account_id"))] = (try row.int("paid"), try row.int("late"))
        }
        for row in try await paidAfter(day, accounts: accounts, sql) {
            let account = Account.ID(try row.text("account_id"))
            counts[account]?.paid -= try row.int("n")
            counts[account]?.late -= try row.int("late")
        }
        return counts
    }

    /// Over the whole ledger, how many invoices were paid in cash on or before `day` and how many late.
    static func ledger(through day: Day, _ sql: any SQLDatabase) async throws -> (paid: Int, late: Int) {
        let total = try await sql.rows("""
            SELECT CAST(COALESCE(SUM(paid), 0) AS BIGINT) AS n, CAST(COALESCE(SUM(late), 0) AS BIGINT) AS late FROM paid_invoice_counts
            """).first
        let after = try await paidAfter(day, accounts: nil, sql).first
        return (try (total?.int("n") ?? 0) - (after?.int("n") ?? 0), try (total?.int("late") ?? 0) - (after?.int("late") ?? 0))
    }

    /// Cash-paid invoices paid after `day`: count `n` and `late` — per `account_id` of `accounts`
    /// (an SQL subquery of ids), or one row for the whole ledger.
    private static func paidAfter(_ day: Day, accounts: SQLQueryString?, _ sql: any SQLDatabase) async throws -> [Cells] {
        let paid: SQLQueryString = "kind = 'invoice' AND settled_by = 'cash' AND paid_on > \(bind: day.isoString)"
        guard let accounts else {
            return try await sql.rows("""
                SELECT COUNT(*) AS n, CAST(COALESCE(SUM(paid_late), 0) AS BIGINT) AS late FROM open_items WHERE \(paid)
                """)
        }
        // By paid day (`open_items_paid_day`, a range that is empty for today), then the accounts:
        // not one seek per account.
        let index: SQLQueryString = sql.dialect.name == "sqlite" ? "INDEXED BY open_items_paid_day" : ""
        return try await sql.rows("""
            SELECT account_id, COUNT(*) AS n, CAST(COALESCE(SUM(paid_late), 0) AS BIGINT) AS late FROM open_items \(index) \
            WHERE \(paid) AND account_id IN \(accounts) GROUP BY account_id
            """)
    }
}
