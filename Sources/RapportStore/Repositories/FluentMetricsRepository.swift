import FluentKit
import RapportCore
import SQLKit

/// `MetricsRepository` on SQLite or PostgreSQL: one GROUP BY query per kind of fact, so a ledger of
/// millions of rows reaches Core as thousands of (day, group) sums.
public struct FluentMetricsRepository: MetricsRepository {
    let database: any Database

    public init(_ database: RapportDatabase) { self.database = database.database }

    public func fetchCurrencies() async throws -> [Currency] {
        let sql = database as! any SQLDatabase
        let rows = try await sql.raw("SELECT DISTINCT currency FROM invoices ORDER BY currency").all()
        return try rows.map { try Currency(try $0.decode(column: "currency", as: String.self)) }
    }

    public func fetchFacts(currency: Currency, through: Day, grouping: MetricsGrouping) async throws -> ReceivableFacts {
        let sql = database as! any SQLDatabase
        let groupColumn: SQLQueryString = switch grouping {
        case .none: "''"
        case .account: "a.id"
        case .segment: "a.segment"
        case .specialist: "COALESCE(a.specialist, '(unassigned)')"
        }
        let code = currency.code
        let last = through.isoString
        var groups = GroupIndex()
        var facts = ReceivableFacts(currency: currency)
        var days = DayCache()

        for row in try await sql.raw("""
            SELECT i.issue_date AS issue, i.due_date AS due, a.collection_start_days AS cs, \(groupColumn) AS grp, \
            CAST(SUM(i.total_minor) AS BIGINT) AS amount FROM invoices i JOIN accounts a ON a.id = i.account_id \
            WHERE i.currency = \(bind: code) AND i.issue_date <= \(bind: last) GROUP BY 1, 2, 3, 4
            """).all() {
            let issue = try days.day(row, "issue")
            facts.billings.append(.init(
                issue: issue, due: try days.day(row, "due"), collectionStart: issue + (try row.decode(column: "cs", as: Int.self)),
                amount: try row.decode(column: "amount", as: Int64.self), group: try groups.index(row)))
        }
        for row in try await sql.raw("""
            SELECT i.issue_date AS issue, i.due_date AS due, a.collection_start_days AS cs, al.allocated_on AS day, \
            \(groupColumn) AS grp, CAST(SUM(al.amount_minor) AS BIGINT) AS amount FROM allocations al \
            JOIN invoices i ON i.id = al.invoice_id JOIN accounts a ON a.id = i.account_id \
            WHERE al.currency = \(bind: code) AND al.allocated_on <= \(bind: last) GROUP BY 1, 2, 3, 4, 5
            """).all() {
            let issue = try days.day(row, "issue")
            facts.settlements.append(.init(
                due: try days.day(row, "due"), collectionStart: issue + (try row.decode(column: "cs", as: Int.self)),
                day: try days.day(row, "day"), amount: try row.decode(column: "amount", as: Int64.self),
                group: try groups.index(row)))
        }
        for (table, dayColumn, isMemo, allocationColumn) in [
            ("payments", "received_on", false, "payment_id"), ("credit_memos", "issued_on", true, "credit_memo_id"),
            ("deposits", "received_on", false, "deposit_id"),
        ] {
            for row in try await sql.raw("""
                SELECT c.\(ident: dayColumn) AS day, \(groupColumn) AS grp, CAST(SUM(c.amount_minor) AS BIGINT) AS amount \
                FROM \(ident: table) c JOIN accounts a ON a.id = c.account_id \
                WHERE c.currency = \(bind: code) AND c.\(ident: dayColumn) <= \(bind: last) GROUP BY 1, 2
                """).all() {
                facts.credits.append(.init(
                    day: try days.day(row, "day"), amount: try row.decode(column: "amount", as: Int64.self),
                    isCreditMemo: isMemo, group: try groups.index(row)))
            }
            for row in try await sql.raw("""
                SELECT c.\(ident: dayColumn) AS received, al.allocated_on AS day, \(groupColumn) AS grp, \
                CAST(SUM(al.amount_minor) AS BIGINT) AS amount FROM allocations al \
                JOIN \(ident: table) c ON c.id = al.\(ident: allocationColumn) JOIN accounts a ON a.id = c.account_id \
                WHERE al.currency = \(bind: code) AND al.allocated_on <= \(bind: last) GROUP BY 1, 2, 3
                """).all() {
                facts.applications.append(.init(
                    received: try days.day(row, "received"), day: try days.day(row, "day"),
                    amount: try row.decode(column: "amount", as: Int64.self), group: try groups.index(row)))
            }
        }
        // Fully paid invoices and the day of their last allocation (the day they became paid).
        for row in try await sql.raw("""
            SELECT i.issue_date AS issue, i.due_date AS due, x.paid_on AS day, \(groupColumn) AS grp, \
            COUNT(*) AS n, CAST(SUM(i.total_minor) AS BIGINT) AS amount \
            FROM (SELECT invoice_id, MAX(allocated_on) AS paid_on FROM allocations GROUP BY invoice_id) x \
            JOIN open_items o ON o.kind = 'invoice' AND o.ref_id = x.invoice_id AND o.open_minor = 0 \
            JOIN invoices i ON i.id = x.invoice_id JOIN accounts a ON a.id = i.account_id \
            WHERE i.currency = \(bind: code) AND x.paid_on <= \(bind: last) GROUP BY 1, 2, 3, 4
            """).all() {
            facts.paid.append(.init(
                issue: try days.day(row, "issue"), due: try days.day(row, "due"), paidDay: try days.day(row, "day"),
                count: try row.decode(column: "n", as: Int.self), amount: try row.decode(column: "amount", as: Int64.self),
                group: try groups.index(row)))
        }
        facts.groupNames = grouping == .none ? ["all"] : groups.names
        return facts
    }
}

/// Assigns each group name a dense index in order of first appearance.
private struct GroupIndex {
    var names: [String] = []
    private var indexes: [String: Int] = [:]

    mutating func index(_ row: any SQLRow) throws -> Int {
        let name = try row.decode(column: "grp", as: String.self)
        if let index = indexes[name] { return index }
        indexes[name] = names.count
        names.append(name)
        return names.count - 1
    }
}

/// Parses each distinct ISO day once: the same few thousand days recur in every query.
private struct DayCache {
    private var cache: [String: Int] = [:]

    mutating func day(_ row: any SQLRow, _ column: String) throws -> Int {
        let text = try row.decode(column: column, as: String.self)
        if let known = cache[text] { return known }
        let value = try Day(iso: text).daysSinceEpoch
        cache[text] = value
        return value
    }
}
