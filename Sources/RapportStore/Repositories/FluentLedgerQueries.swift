import FluentKit
import RapportCore
import SQLKit

/// `LedgerQueries` on SQLite or PostgreSQL, read from the open-item table.
///
/// What was allocated by day D is (original − open now) − allocations dated after D, so only the
/// allocations after D are read — never the account's whole history.
public struct FluentLedgerQueries: LedgerQueries {
    let database: any Database

    public init(_ database: RapportDatabase) { self.database = database.database }

    init(database: any Database) { self.database = database }

    public func ledgerReport(for account: Account.ID, asOf day: Day) async throws -> LedgerReport? {
        try await ledgerReports(for: [account], asOf: day).first
    }

    public func ledgerReports(for accounts: [Account.ID], asOf day: Day) async throws -> [LedgerReport] {
        let sql = database as! any SQLDatabase
        var reports: [LedgerReport] = []
        for start in stride(from: 0, to: accounts.count, by: 500) {
            reports += try await ledgerReports(Array(accounts[start..<min(start + 500, accounts.count)]), asOf: day, sql)
        }
        return reports
    }

    /// The ledgers of up to 500 accounts in five queries, in the order given.
    private func ledgerReports(_ accounts: [Account.ID], asOf day: Day, _ sql: any SQLDatabase) async throws -> [LedgerReport] {
        let ids = accounts.map(\.rawValue)
        let known = Set(try await sql.select().column("id").from("accounts").where("id", .in, ids).rows().map { try $0.text("id") })
        let iso = day.isoString
        let items = try await sql.rows("""
            SELECT kind, ref_id, account_id, currency, day, due_on, original_minor, open_minor FROM open_items \
            WHERE account_id IN (\(binds: ids)) AND day <= \(bind: iso)
            """)
        let laterByInvoice = try await sums(sql.raw("""
            SELECT a.invoice_id AS ref, CAST(SUM(a.amount_minor) AS BIGINT) AS total FROM allocations a \
            JOIN invoices i ON i.id = a.invoice_id \
            WHERE i.account_id IN (\(binds: ids)) AND a.allocated_on > \(bind: iso) GROUP BY a.invoice_id
            """))
        var laterBySource: [String: Int64] = [:]
        for (column, kind) in [("payment_id", "payment"), ("credit_memo_id", "credit_memo"), ("deposit_id", "deposit")] {
            let rows = try await sums(sql.raw("""
                SELECT a.\(ident: column) AS ref, CAST(SUM(a.amount_minor) AS BIGINT) AS total FROM allocations a \
                JOIN open_items o ON o.kind = \(bind: kind) AND o.ref_id = a.\(ident: column) \
                WHERE o.account_id IN (\(binds: ids)) AND a.allocated_on > \(bind: iso) \
                GROUP BY a.\(ident: column)
                """))
            for (ref, total) in rows { laterBySource[kind + ":" + ref] = total }
        }
        var invoices: [String: [LedgerReport.InvoiceInput]] = [:]
        var credits: [String: [LedgerReport.CreditInput]] = [:]
        var days = DayCache()
        for row in items {
            let record = try OpenItemRecord(row: row)
            let currency = try Currency(record.currency)
            let itemDay = try days.day(record.day)
            let original = Money(minorUnits: record.originalMinor, currency: currency)
            if record.kind == "invoice" {
                let allocated = record.originalMinor - record.openMinor - (laterByInvoice[record.refId] ?? 0)
                invoices[record.accountId, default: []].append(LedgerReport.InvoiceInput(
                    invoiceID: Invoice.ID(record.refId), issueDate: itemDay,
                    dueDate: try days.day(record.dueOn ?? record.day), total: original,
                    allocated: Money(minorUnits: allocated, currency: currency)))
            } else if let source = CreditSource(kind: record.kind, id: record.refId) {
                let allocated = record.originalMinor - record.openMinor - (laterBySource[record.kind + ":" + record.refId] ?? 0)
                credits[record.accountId, default: []].append(LedgerReport.CreditInput(
                    source: source, day: itemDay, amount: original,
                    allocated: Money(minorUnits: allocated, currency: currency)))
            }
        }
        return try accounts.filter { known.contains($0.rawValue) }.map { account in
            try LedgerReport(
                accountID: account, asOf: day, invoices: invoices[account.rawValue] ?? [], credits: credits[account.rawValue] ?? [])
        }
    }

    public func openAmounts(of invoices: [Invoice.ID]) async throws -> [Invoice.ID: Money] {
        let sql = database as! any SQLDatabase
        let rows = try await sql.fetchChunked(invoices.map(\.rawValue)) { chunk in
            sql.select().column("ref_id").column("open_minor").column("currency").from("open_items")
                .where("kind", .equal, "invoice").where("ref_id", .in, chunk)
        } decode: { row in
            (Invoice.ID(try row.text("ref_id")),
             Money(minorUnits: try row.integer("open_minor"),
                   currency: try Currency(try row.text("currency"))))
        }
        return Dictionary(rows, uniquingKeysWith: { first, _ in first })
    }

    private func sums(_ query: SQLRawBuilder) async throws -> [String: Int64] {
        var result: [String: Int64] = [:]
        for row in try await query.rows() {
            result[try row.text("ref")] = try row.integer("total")
        }
        return result
    }
}
