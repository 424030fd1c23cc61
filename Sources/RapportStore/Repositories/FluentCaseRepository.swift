import FluentKit
import RapportCore
import SQLKit

/// `CaseRepository` on SQLite or PostgreSQL.
public struct FluentCaseRepository: CaseRepository {
    let database: any Database

    public init(_ database: RapportDatabase) { self.database = database.database }

    init(database: any Database) { self.database = database }

    /// Every case of `accounts`, oldest first.
    func fetchCases(accounts: [Account.ID]) async throws -> [Case] {
        var cases: [Case] = []
        for start in stride(from: 0, to: accounts.count, by: 500) {
            let chunk = accounts[start..<min(start + 500, accounts.count)].map(\.rawValue)
            cases += try await fetch(in: chunk)
        }
        return cases
    }

    /// The cases of the accounts `accounts` selects (an SQL subquery of account ids) that pass
    /// `filter` (a condition on `c`), with their invoices: the cases, then their links by case id.
    func fetchCases(inAccounts accounts: SQLQueryString?, where filter: SQLQueryString = "1 = 1") async throws -> [Case] {
        let sql = database as! any SQLDatabase
        let scope: SQLQueryString = accounts.map { "c.account_id IN \($0)" } ?? "1 = 1"
        let records = try await sql.rows("SELECT * FROM cases c WHERE \(scope) AND \(filter)").map(CaseRecord.init(row:))
        let links = try await sql.fetchChunked(records.map(\.id), chunkSize: 2000) { chunk in
            sql.select().column("case_id").column("invoice_id").from("case_invoices").where("case_id", .in, chunk)
        } decode: { (try $0.text("case_id"), try $0.text("invoice_id")) }
        let invoices = Dictionary(grouping: links, by: \.0)
        return try records.map { record in
            try record.toDomain(invoiceIDs: (invoices[record.id] ?? []).map { Invoice.ID($0.1) }.sorted())
        }.sorted { ($0.openedOn, $0.id) < ($1.openedOn, $1.id) }
    }

    public func fetchCase(_ id: Case.ID) async throws -> Case? {
        try await fetch(where: [("id", id.rawValue)]).first
    }

    public func fetchCases(department: Department?, status: Case.Status?, account: Account.ID?) async throws -> [Case] {
        var filters: [(String, String)] = []
        if let department { filters.append(("department", department.rawValue)) }
        if let status { filters.append(("status", status.rawValue)) }
        if let account { filters.append(("account_id", account.rawValue)) }
        return try await fetch(where: filters)
    }

    public func fetchCases(resolvedIn period: Period) async throws -> [Case] {
        try await fetchCases(inAccounts: nil, where: """
            c.resolved_on IS NOT NULL AND c.resolved_on >= \(bind: period.from.isoString) AND c.resolved_on <= \(bind: period.to.isoString)
            """)
    }

    public func insertCase(_ item: Case) async throws {
        try await database.transaction { tx in
            let sql = tx as! any SQLDatabase
            try await sql.insertBatched([CaseRecord(item)], into: "cases")
            try await sql.insertBatched(
                item.invoiceIDs.map { CaseInvoiceRecord(caseId: item.id.rawValue, invoiceId: $0.rawValue) },
                into: "case_invoices")
            try await ChangeVersion.bump(sql)
        }
    }

    public func updateCase(_ item: Case) async throws {
        let sql = database as! any SQLDatabase
        let record = CaseRecord(item)
        var update = sql.update("cases")
        for (column, value) in zip(CaseRecord.columns, record.sqlValues) where column != "id" {
            update = update.set(SQLIdentifier(column), to: value)
        }
        try await update.where("id", .equal, item.id.rawValue).run()
        try await ChangeVersion.bump(sql)
    }

    public func countCases() async throws -> Int {
        let sql = database as! any SQLDatabase
        return try await sql.rows("SELECT COUNT(*) AS n FROM cases").first!.int("n")
    }

    private func fetch(where filters: [(String, String)] = [], in accounts: [String]? = nil) async throws -> [Case] {
        let sql = database as! any SQLDatabase
        var query = sql.select().column("*").from("cases")
        for (column, value) in filters { query = query.where(SQLIdentifier(column), .equal, SQLBind(value)) }
        if let accounts { query = query.where("account_id", .in, accounts) }
        let records = try await query.orderBy("opened_on").orderBy("id").rows().map(CaseRecord.init(row:))
        let links = try await sql.fetchChunked(records.map(\.id)) { chunk in
            sql.select().column("case_id").column("invoice_id").from("case_invoices").where("case_id", .in, chunk)
        } decode: { row in
            (try row.text("case_id"), try row.text("invoice_id"))
        }
        let invoices = Dictionary(grouping: links, by: \.0)
        return try records.map { record in
            try record.toDomain(invoiceIDs: (invoices[record.id] ?? []).map { Invoice.ID($0.1) }.sorted())
        }
    }
}
