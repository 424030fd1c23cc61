import FluentKit
import RapportCore
import SQLKit

/// `InvoiceRepository` on SQLite or PostgreSQL.
public struct FluentInvoiceRepository: InvoiceRepository {
    let database: any Database

    public init(_ database: RapportDatabase) { self.database = database.database }

    init(database: any Database) { self.database = database }

    public func fetchInvoices(_ ids: some Collection<Invoice.ID> & Sendable) async throws -> [Invoice] {
        let sql = database as! any SQLDatabase
        let keys = ids.map(\.rawValue)
        let headers = try await sql.fetchChunked(keys) { chunk in
            sql.select().column("*").from("invoices").where("id", .in, chunk)
        } decode: { row in try SQLRowDecoding.invoiceHeader(row) }
        return try await Self.withLines(headers, sql: sql)
    }

    public func insertInvoices(_ invoices: [Invoice], progress: BatchProgress?) async throws {
        try await database.transaction { tx in
            let sql = tx as! any SQLDatabase
            var written = 0
            for start in stride(from: 0, to: invoices.count, by: 2000) {
                let slice = invoices[start..<min(start + 2000, invoices.count)]
                let terms = try await Self.terms(of: Set(slice.map(\.accountID)), sql: sql)
                let records = slice.map { InvoiceRecord($0, terms: terms[$0.accountID] ?? .standard) }
                try await sql.insertBatched(records, into: "invoices")
                let lines = slice.flatMap { invoice in
                    invoice.lines.enumerated().map { InvoiceLineRecord(invoiceID: invoice.id, number: $0.offset + 1, line: $0.element) }
                }
                try await sql.insertBatched(lines, into: "invoice_lines")
                try await sql.insertBatched(records.map(Self.openItem), into: "open_items")
                try await ReceivableDays.addItems(kind: "invoice", ids: slice.map(\.id.rawValue), sql)
                written += slice.count
                try await progress?(written)
            }
            _ = try await DepositSettler.settle(jobs: Set(invoices.compactMap(\.jobID)), sql: sql)
            try await ChangeVersion.bump(sql)
        }
    }

    public func fetchInvoicePage(account: Account.ID?, openOnly: Bool, after: Invoice.ID?, limit: Int) async throws -> [Invoice] {
        let sql = database as! any SQLDatabase
        let query = sql.select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("invoices"))).from("invoices")
            .where(SQLColumn("id", table: "invoices"), .greaterThan, SQLBind(after?.rawValue ?? ""))
        if let account { query.where(SQLColumn("account_id", table: "invoices"), .equal, SQLBind(account.rawValue)) }
        if openOnly {
            query.join("open_items", on: SQLBinaryExpression(
                SQLColumn("ref_id", table: "open_items"), .equal, SQLColumn("id", table: "invoices")))
                .where(SQLColumn("kind", table: "open_items"), .equal, SQLBind("invoice"))
                .where(SQLColumn("open_minor", table: "open_items"), .greaterThan, SQLBind(0))
        }
        let headers = try await query.orderBy(SQLColumn("id", table: "invoices")).limit(limit).rows().map(SQLRowDecoding.invoiceHeader)
        return try await Self.withLines(headers, sql: sql)
    }

    public func forEachInvoicePage(size: Int, _ body: ([Invoice]) async throws -> Void) async throws {
        let sql = database as! any SQLDatabase
        try await sql.forEachPage(of: "invoices", size: size, decode: SQLRowDecoding.invoiceHeader) { headers in
            try await body(try await Self.withLines(headers, sql: sql))
        }
    }

    /// The stored terms of the given accounts.
    private static func terms(of accounts: Set<Account.ID>, sql: any SQLDatabase) async throws -> [Account.ID: Terms] {
        let rows = try await sql.fetchChunked(accounts.map(\.rawValue)) { chunk in
            sql.select().column("id").column("due_days").column("collection_start_days").from("accounts")
                .where("id", .in, chunk)
        } decode: { row in
            (Account.ID(try row.text("id")),
             Terms(dueDays: try row.int("due_days"),
                   collectionStartDays: try row.int("collection_start_days")))
        }
        return Dictionary(rows, uniquingKeysWith: { first, _ in first })
    }

    static func openItem(_ invoice: InvoiceRecord) -> OpenItemRecord {
        OpenItemRecord(
            kind: "invoice", refId: invoice.id, accountId: invoice.accountId, currency: invoice.currency, day: invoice.issueDate,
            dueOn: invoice.dueDate, originalMinor: invoice.totalMinor, openMinor: invoice.totalMinor,
            collectionStart: invoice.collectionStart, jobId: invoice.jobId)
    }

    private static func withLines(_ headers: [InvoiceRecord], sql: any SQLDatabase) async throws -> [Invoice] {
        let lines = try await sql.fetchChunked(headers.map(\.id)) { chunk in
            sql.select().column("*").from("invoice_lines").where("invoice_id", .in, chunk)
        } decode: { row in try SQLRowDecoding.invoiceLine(row) }
        let grouped = Dictionary(grouping: lines, by: \.invoiceId)
        return try headers.map { try $0.toDomain(lines: grouped[$0.id] ?? []) }
    }

    public func fetchAllocations(of invoice: Invoice.ID) async throws -> [Allocation] {
        let sql = database as! any SQLDatabase
        return try await sql.select().columns("id", "payment_id", "credit_memo_id", "deposit_id", "amount_minor", "currency", "allocated_on")
            .from("allocations").where("invoice_id", .equal, invoice.rawValue).orderBy("allocated_on").orderBy("id").rows()
            .map { row in
                let source: CreditSource
                if let payment = try row.optionalText("payment_id") { source = .payment(Payment.ID(payment)) }
                else if let memo = try row.optionalText("credit_memo_id") { source = .creditMemo(CreditMemo.ID(memo)) }
                else { source = .deposit(Deposit.ID(try row.text("deposit_id"))) }
                return Allocation(
                    source: source, invoiceID: invoice,
                    amount: Money(minorUnits: try row.integer("amount_minor"), currency: try Currency(try row.text("currency"))),
                    allocatedOn: try row.day("allocated_on"))
            }
    }

    public func fetchOpenInvoiceIDs(job: Job.ID) async throws -> [Invoice.ID] {
        let sql = database as! any SQLDatabase
        return try await sql.rows("""
            SELECT i.id FROM invoices i JOIN open_items o ON o.kind = 'invoice' AND o.ref_id = i.id
            WHERE i.job_id = \(bind: job.rawValue) AND o.open_minor > 0 ORDER BY i.issue_date, i.id
            """).map { Invoice.ID(try $0.text("id")) }
    }
}
