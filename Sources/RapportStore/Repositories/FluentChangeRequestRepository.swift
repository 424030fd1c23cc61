import FluentKit
import RapportCore
import SQLKit

/// `ChangeRequestRepository` on SQLite or PostgreSQL.
public struct FluentChangeRequestRepository: ChangeRequestRepository {
    let database: any Database
    let invoices: FluentInvoiceRepository

    public init(_ database: RapportDatabase) {
        self.database = database.database
        self.invoices = FluentInvoiceRepository(database)
    }

    public func insertChangeRequest(_ change: ChangeRequest) async throws {
        try await (database as! any SQLDatabase).insertBatched([ChangeRequestRecord(change)], into: "change_requests")
        try await ChangeVersion.bump(database as! any SQLDatabase)
    }

    public func updateChangeRequest(_ change: ChangeRequest) async throws {
        try await (database as! any SQLDatabase).update("change_requests")
            .set("applied_on", to: change.appliedOn?.isoString).where("id", .equal, change.id.rawValue).run()
        try await ChangeVersion.bump(database as! any SQLDatabase)
    }

    public func fetchChangeRequest(_ id: ChangeRequest.ID) async throws -> ChangeRequest? {
        try await (database as! any SQLDatabase).select().column("*").from("change_requests").where("id", .equal, id.rawValue)
            .rows().first.map { try ChangeRequestRecord(row: $0).toDomain() }
    }

    public func fetchChangeRequests(account: Account.ID?, openOnly: Bool) async throws -> [ChangeRequest] {
        var query = (database as! any SQLDatabase).select().column("*").from("change_requests")
        if let account { query = query.where("account_id", .equal, account.rawValue) }
        if openOnly { query = query.where("applied_on", .is, SQLLiteral.null) }
        return try await query.orderBy("reported_on").orderBy("id").rows().map { try ChangeRequestRecord(row: $0).toDomain() }
    }

    public func fetchInvoices(accounts: [Account.ID], issuedAfter day: Day) async throws -> [Invoice] {
        let sql = database as! any SQLDatabase
        let ids = try await sql.fetchChunked(accounts.map(\.rawValue)) { chunk in
            sql.select().column("id").from("invoices").where("account_id", .in, chunk).where("issue_date", .greaterThan, day.isoString)
        } decode: { Invoice.ID(try $0.text("id")) }
        return try await invoices.fetchInvoices(ids)
    }

    public func countChangeRequests() async throws -> Int {
        try await (database as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM change_requests").rows().first!.int("n")
    }
}
