import FluentKit
import RapportCore
import SQLKit

/// `BillingChangeRepository` on SQLite or PostgreSQL; the credit memo and the invoices go through
/// the same code as imported ones, inside one transaction.
public struct FluentBillingChangeRepository: BillingChangeRepository {
    let database: any Database

    public init(_ database: RapportDatabase) { self.database = database.database }

    init(database: any Database) { self.database = database }

    public func applyBillingChange(_ change: BillingChange, creditMemo: CreditMemo, invoices: [Invoice]) async throws {
        try await database.transaction { tx in
            let sql = tx as! any SQLDatabase
            _ = try await FluentCreditMemoRepository(database: tx).postCreditMemos([creditMemo], progress: nil)
            try await FluentInvoiceRepository(database: tx).insertInvoices(invoices, progress: nil)
            try await sql.update("accounts").set("billing_frequency", to: SQLBind(Account.BillingFrequency.monthly.rawValue))
                .where("id", .equal, change.accountID.rawValue).run()
            let record = BillingChangeRecord(change: change)
            try await sql.insertBatched([record], into: "billing_changes")
            try await sql.insertBatched(record.invoiceRows, into: "billing_change_invoices")
        }
    }

    public func fetchBillingChanges(from: Day?, to: Day?) async throws -> [BillingChange] {
        try await fetch { query in
            var query = query
            if let from { query = query.where("effective_on", .greaterThanOrEqual, from.isoString) }
            if let to { query = query.where("effective_on", .lessThanOrEqual, to.isoString) }
            return query
        }
    }

    /// The changes of `accounts` (an account's family), oldest first.
    func fetchBillingChanges(accounts: [Account.ID]) async throws -> [BillingChange] {
        guard !accounts.isEmpty else { return [] }
        return try await fetch { $0.where("account_id", .in, accounts.map(\.rawValue)) }
    }

    private func fetch(_ filter: (SQLSelectBuilder) -> SQLSelectBuilder) async throws -> [BillingChange] {
        let sql = database as! any SQLDatabase
        let heads = try await filter(sql.select().column("*").from("billing_changes")).orderBy("effective_on").orderBy("id").rows()
        let ids = try heads.map { try $0.text("id") }
        let links = try await sql.fetchChunked(ids) { chunk in
            sql.select().column("*").from("billing_change_invoices").where("billing_change_id", .in, chunk)
        } decode: { row in
            (try row.text("billing_change_id"), try row.int("seq"),
             Invoice.ID(try row.text("invoice_id")))
        }
        let byChange = Dictionary(grouping: links, by: \.0)
        return try heads.map { row in
            let id = try row.text("id")
            return BillingChange(
                id: BillingChange.ID(id), accountID: Account.ID(try row.text("account_id")),
                invoiceID: Invoice.ID(try row.text("invoice_id")),
                effectiveOn: try Day(iso: try row.text("effective_on")),
                recordedOn: try Day(iso: try row.text("recorded_on")),
                amount: Money(minorUnits: try row.integer("amount_minor"),
                              currency: try Currency(try row.text("currency"))),
                creditMemoID: CreditMemo.ID(try row.text("credit_memo_id")),
                invoiceIDs: (byChange[id] ?? []).sorted { $0.1 < $1.1 }.map(\.2))
        }
    }

    public func fetchBills(of changes: [BillingChange], through day: Day) async throws -> [BillingChange.ID: [RetentionReport.Bill]] {
        let sql = database as! any SQLDatabase
        let ids = changes.flatMap(\.invoiceIDs).map(\.rawValue)
        let rows = try await sql.fetchChunked(ids) { chunk in
            sql.select().column(SQLColumn("id", table: "i")).column(SQLColumn("due_date", table: "i"))
                .column(SQLColumn("total_minor", table: "i")).column(SQLColumn("currency", table: "i"))
                .column(SQLQueryString("""
                    (SELECT COALESCE(CAST(SUM(a.amount_minor) AS BIGINT), 0) FROM allocations a \
                    WHERE a.invoice_id = i.id AND a.allocated_on <= \(bind: day.isoString))
                    """), as: "paid")
                .from(SQLAlias(SQLIdentifier("invoices"), as: SQLIdentifier("i")))
                .where(SQLColumn("id", table: "i"), .in, SQLBind.group(chunk))
        } decode: { row in
            let currency = try Currency(try row.text("currency"))
            return (Invoice.ID(try row.text("id")), RetentionReport.Bill(
                dueOn: try Day(iso: try row.text("due_date")),
                amount: Money(minorUnits: try row.integer("total_minor"), currency: currency),
                paid: Money(minorUnits: try row.integer("paid"), currency: currency)))
        }
        let byInvoice = Dictionary(rows, uniquingKeysWith: { first, _ in first })
        return Dictionary(changes.map { change in (change.id, change.invoiceIDs.compactMap { byInvoice[$0] }) },
                          uniquingKeysWith: { first, _ in first })
    }

    public func countBillingChanges() async throws -> Int {
        try await (database as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM billing_changes").rows().first!.int("n")
    }
}
