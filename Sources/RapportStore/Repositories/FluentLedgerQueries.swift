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
        let sql = database as! any SQLDatabase
        let exists = try await sql.select().column("id").from("accounts").where("id", .equal, account.rawValue).first()
        guard exists != nil else { return nil }
        let iso = day.isoString
        let items = try await sql.raw("""
            SELECT kind, ref_id, account_id, currency, day, due_on, original_minor, open_minor FROM open_items \
            WHERE account_id = \(bind: account.rawValue) AND day <= \(bind: iso)
            """).all()
        let laterByInvoice = try await sums(sql.raw("""
            SELECT a.invoice_id AS ref, CAST(SUM(a.amount_minor) AS BIGINT) AS total FROM allocations a \
            JOIN invoices i ON i.id = a.invoice_id \
            WHERE i.account_id = \(bind: account.rawValue) AND a.allocated_on > \(bind: iso) GROUP BY a.invoice_id
            """))
        var laterBySource: [String: Int64] = [:]
        for (column, kind) in [("payment_id", "payment"), ("credit_memo_id", "credit_memo"), ("deposit_id", "deposit")] {
            let rows = try await sums(sql.raw("""
                SELECT a.\(ident: column) AS ref, CAST(SUM(a.amount_minor) AS BIGINT) AS total FROM allocations a \
                JOIN open_items o ON o.kind = \(bind: kind) AND o.ref_id = a.\(ident: column) \
                WHERE o.account_id = \(bind: account.rawValue) AND a.allocated_on > \(bind: iso) \
                GROUP BY a.\(ident: column)
                """))
            for (ref, total) in rows { laterBySource[kind + ":" + ref] = total }
        }
        var invoices: [LedgerReport.InvoiceInput] = []
        var credits: [LedgerReport.CreditInput] = []
        for row in items {
            let record = try OpenItemRecord(row: row)
            let currency = try Currency(record.currency)
            let itemDay = try Day(iso: record.day)
            let original = Money(minorUnits: record.originalMinor, currency: currency)
            if record.kind == "invoice" {
                let allocated = record.originalMinor - record.openMinor - (laterByInvoice[record.refId] ?? 0)
                invoices.append(LedgerReport.InvoiceInput(
                    invoiceID: Invoice.ID(record.refId), issueDate: itemDay,
                    dueDate: try Day(iso: record.dueOn ?? record.day), total: original,
                    allocated: Money(minorUnits: allocated, currency: currency)))
            } else if let source = CreditSource(kind: record.kind, id: record.refId) {
                let allocated = record.originalMinor - record.openMinor - (laterBySource[record.kind + ":" + record.refId] ?? 0)
                credits.append(LedgerReport.CreditInput(
                    source: source, day: itemDay, amount: original,
                    allocated: Money(minorUnits: allocated, currency: currency)))
            }
        }
        return try LedgerReport(accountID: account, asOf: day, invoices: invoices, credits: credits)
    }

    public func openAmounts(of invoices: [Invoice.ID]) async throws -> [Invoice.ID: Money] {
        let sql = database as! any SQLDatabase
        let rows = try await sql.fetchChunked(invoices.map(\.rawValue)) { chunk in
            sql.select().column("ref_id").column("open_minor").column("currency").from("open_items")
                .where("kind", .equal, "invoice").where("ref_id", .in, chunk)
        } decode: { row in
            (Invoice.ID(try row.decode(column: "ref_id", as: String.self)),
             Money(minorUnits: try row.decode(column: "open_minor", as: Int64.self),
                   currency: try Currency(try row.decode(column: "currency", as: String.self))))
        }
        return Dictionary(rows, uniquingKeysWith: { first, _ in first })
    }

    private func sums(_ query: SQLRawBuilder) async throws -> [String: Int64] {
        var result: [String: Int64] = [:]
        for row in try await query.all() {
            result[try row.decode(column: "ref", as: String.self)] = try row.decode(column: "total", as: Int64.self)
        }
        return result
    }
}
