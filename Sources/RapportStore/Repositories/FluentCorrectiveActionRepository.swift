import FluentKit
import RapportCore
import SQLKit

/// `CorrectiveActionRepository` on SQLite or PostgreSQL.
public struct FluentCorrectiveActionRepository: CorrectiveActionRepository {
    let database: any Database

    public init(_ database: RapportDatabase) { self.database = database.database }

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    public func insertCorrectiveAction(_ action: CorrectiveAction) async throws {
        try await sql.insert(into: "corrective_actions")
            .columns("id", "root_cause", "description", "owner_department", "due_on", "implemented_on")
            .values(SQLBind(action.id.rawValue), SQLBind(action.rootCause), SQLBind(action.description),
                    SQLBind(action.ownerDepartment.rawValue), SQLBind(action.dueOn.isoString),
                    sqlValue(action.implementedOn?.isoString))
            .run()
    }

    public func updateCorrectiveAction(_ action: CorrectiveAction) async throws {
        try await sql.update("corrective_actions").set("implemented_on", to: action.implementedOn?.isoString)
            .where("id", .equal, action.id.rawValue).run()
    }

    public func fetchCorrectiveAction(_ id: CorrectiveAction.ID) async throws -> CorrectiveAction? {
        try await sql.select().column("*").from("corrective_actions").where("id", .equal, id.rawValue).first().map(Self.decode)
    }

    public func fetchCorrectiveActions() async throws -> [CorrectiveAction] {
        try await sql.select().column("*").from("corrective_actions").orderBy("id").all().map(Self.decode)
    }

    public func countCorrectiveActions() async throws -> Int {
        try await sql.raw("SELECT COUNT(*) AS n FROM corrective_actions").first()!.decode(column: "n", as: Int.self)
    }

    public func countInvoices(issuedIn period: Period) async throws -> Int {
        try await sql.raw("""
            SELECT COUNT(*) AS n FROM invoices WHERE issue_date >= \(bind: period.from.isoString) AND issue_date <= \(bind: period.to.isoString)
            """).first()!.decode(column: "n", as: Int.self)
    }

    public func fetchHeldInvoices(_ invoices: [Invoice.ID]) async throws -> [CorrectiveActionEffect.HeldInvoice] {
        try await sql.fetchChunked(invoices.map(\.rawValue)) { chunk in
            sql.select().column("ref_id").column("day").column("paid_on").column("settled_by").from("open_items")
                .where("kind", .equal, "invoice").where("ref_id", .in, chunk)
        } decode: { row in
            CorrectiveActionEffect.HeldInvoice(
                invoiceID: Invoice.ID(try row.decode(column: "ref_id", as: String.self)),
                issueDate: try Day(iso: try row.decode(column: "day", as: String.self)),
                // A credited invoice was never paid: it has no days to pay.
                paidOn: try row.decode(column: "settled_by", as: String?.self) == "credit"
                    ? nil : try row.decode(column: "paid_on", as: String?.self).map { try Day(iso: $0) })
        }
    }

    private static func decode(_ row: any SQLRow) throws -> CorrectiveAction {
        let id = try row.decode(column: "id", as: String.self)
        guard let department = Department(rawValue: try row.decode(column: "owner_department", as: String.self)) else {
            throw CorruptRecord(table: "corrective_actions", id: id, reason: "owner_department")
        }
        return CorrectiveAction(
            id: CorrectiveAction.ID(id), rootCause: try row.decode(column: "root_cause", as: String.self),
            description: try row.decode(column: "description", as: String.self), ownerDepartment: department,
            dueOn: try Day(iso: try row.decode(column: "due_on", as: String.self)),
            implementedOn: try row.decode(column: "implemented_on", as: String?.self).map { try Day(iso: $0) })
    }
}
