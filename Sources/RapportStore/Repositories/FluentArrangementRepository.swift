import FluentKit
import RapportCore
import SQLKit

/// `ArrangementRepository` on SQLite or PostgreSQL.
public struct FluentArrangementRepository: ArrangementRepository {
    let database: any Database

    public init(_ database: RapportDatabase) { self.database = database.database }

    init(database: any Database) { self.database = database }

    public func insertArrangement(_ arrangement: PaymentArrangement) async throws {
        try await database.transaction { tx in
            let sql = tx as! any SQLDatabase
            try await sql.insert(into: "payment_arrangements").columns("id", "account_id", "agreed_on")
                .values(SQLBind(arrangement.id.rawValue), SQLBind(arrangement.accountID.rawValue), SQLBind(arrangement.agreedOn.isoString))
                .run()
            let insert = sql.insert(into: "arrangement_installments").columns("arrangement_id", "seq", "due_on", "amount_minor", "currency")
            for (index, installment) in arrangement.installments.enumerated() {
                insert.values(SQLBind(arrangement.id.rawValue), SQLBind(index + 1), SQLBind(installment.dueOn.isoString),
                              SQLBind(installment.amount.minorUnits), SQLBind(installment.amount.currency.code))
            }
            if !arrangement.installments.isEmpty { try await insert.run() }
            let covered = sql.insert(into: "arrangement_invoices").columns("arrangement_id", "invoice_id")
            for invoice in arrangement.invoiceIDs { covered.values(SQLBind(arrangement.id.rawValue), SQLBind(invoice.rawValue)) }
            if !arrangement.invoiceIDs.isEmpty { try await covered.run() }
            try await ChangeVersion.bump(sql)
        }
    }

    public func fetchArrangementAllocations(_ arrangements: [PaymentArrangement]) async throws -> [Allocation] {
        let sql = database as! any SQLDatabase
        let invoices = Array(Set(arrangements.flatMap(\.invoiceIDs).map(\.rawValue))).sorted()
        return try await sql.fetchChunked(invoices) { chunk in
            sql.select().columns("payment_id", "invoice_id", "amount_minor", "currency", "allocated_on").from("allocations")
                .where("invoice_id", .in, chunk).where("payment_id", .isNot, SQLLiteral.null)
        } decode: { row in
            Allocation(
                source: .payment(Payment.ID(try row.text("payment_id"))),
                invoiceID: Invoice.ID(try row.text("invoice_id")),
                amount: Money(minorUnits: try row.integer("amount_minor"),
                              currency: try Currency(try row.text("currency"))),
                allocatedOn: try Day(iso: try row.text("allocated_on")))
        }
    }

    public func fetchArrangements(accounts: [Account.ID]?) async throws -> [PaymentArrangement] {
        let sql = database as! any SQLDatabase
        let heads: [Cells]
        if let accounts {
            heads = try await sql.fetchChunked(accounts.map(\.rawValue)) { chunk in
                sql.select().column("*").from("payment_arrangements").where("account_id", .in, chunk)
            } decode: { $0 }
        } else {
            heads = try await sql.select().column("*").from("payment_arrangements").rows()
        }
        let ordered = try heads.map { row in
            (try row.text("agreed_on"), try row.text("id"), row)
        }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
        return try await withInstallments(ordered, sql)
    }

    /// The arrangements of the accounts `accounts` selects (an SQL subquery of ids), oldest first.
    func fetchArrangements(inAccounts accounts: SQLQueryString) async throws -> [PaymentArrangement] {
        let sql = database as! any SQLDatabase
        let heads = try await sql.rows("SELECT * FROM payment_arrangements WHERE account_id IN \(accounts) ORDER BY agreed_on, id")
        return try await withInstallments(heads, sql)
    }

    private func withInstallments(_ heads: [Cells], _ sql: any SQLDatabase) async throws -> [PaymentArrangement] {
        let ids = try heads.map { try $0.text("id") }
        let rows = try await sql.fetchChunked(ids) { chunk in
            sql.select().column("*").from("arrangement_installments").where("arrangement_id", .in, chunk)
        } decode: { row in
            (try row.text("arrangement_id"), try row.int("seq"),
             PaymentArrangement.Installment(
                dueOn: try Day(iso: try row.text("due_on")),
                amount: Money(minorUnits: try row.integer("amount_minor"),
                              currency: try Currency(try row.text("currency")))))
        }
        let byArrangement = Dictionary(grouping: rows, by: \.0)
        let covered = try await sql.fetchChunked(ids) { chunk in
            sql.select().columns("arrangement_id", "invoice_id").from("arrangement_invoices").where("arrangement_id", .in, chunk)
        } decode: { row in
            (try row.text("arrangement_id"), Invoice.ID(try row.text("invoice_id")))
        }
        let invoicesByArrangement = Dictionary(grouping: covered, by: \.0)
        return try heads.map { row in
            let id = try row.text("id")
            return PaymentArrangement(
                id: PaymentArrangement.ID(id), accountID: Account.ID(try row.text("account_id")),
                agreedOn: try Day(iso: try row.text("agreed_on")),
                installments: (byArrangement[id] ?? []).sorted { $0.1 < $1.1 }.map(\.2),
                invoiceIDs: (invoicesByArrangement[id] ?? []).map(\.1).sorted { $0.rawValue < $1.rawValue })
        }
    }

    public func countArrangements() async throws -> Int {
        try await (database as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM payment_arrangements").rows().first!.int("n")
    }
}
