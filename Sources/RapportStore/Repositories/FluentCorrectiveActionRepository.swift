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
        try await ChangeVersion.bump(sql)
    }

    public func updateCorrectiveAction(_ action: CorrectiveAction) async throws {
        try await sql.update("corrective_actions").set("implemented_on", to: action.implementedOn?.isoString)
            .where("id", .equal, action.id.rawValue).run()
        try await ChangeVersion.bump(sql)
    }

    public func fetchCorrectiveAction(_ id: CorrectiveAction.ID) async throws -> CorrectiveAction? {
        try await sql.select().column("*").from("corrective_actions").where("id", .equal, id.rawValue).rows().first.map(Self.decode)
    }

    public func fetchCorrectiveActions() async throws -> [CorrectiveAction] {
        try await sql.select().column("*").from("corrective_actions").orderBy("id").rows().map(Self.decode)
    }

    public func countCorrectiveActions() async throws -> Int {
        try await sql.rows("SELECT COUNT(*) AS n FROM corrective_actions").first!.int("n")
    }

    public func countInvoices(issuedIn period: Period) async throws -> Int {
        try await sql.rows("""
            SELECT COUNT(*) AS n FROM invoices WHERE issue_date >= \(bind: period.from.isoString) AND issue_date <= \(bind: period.to.isoString)
            """).first!.int("n")
    }

    public func fetchHeldInvoices(_ invoices: [Invoice.ID]) async throws -> [CorrectiveActionEffect.HeldInvoice] {
        try await sql.fetchChunked(invoices.map(\.rawValue)) { chunk in
            sql.select().column("ref_id").column("day").column("paid_on").column("settled_by").from("open_items")
                .where("kind", .equal, "invoice").where("ref_id", .in, chunk)
        } decode: { row in
            CorrectiveActionEffect.HeldInvoice(
                invoiceID: Invoice.ID(try row.text("ref_id")),
                issueDate: try Day(iso: try row.text("day")),
                // A credited invoice was never paid: it has no days to pay.
                paidOn: try row.optionalText("settled_by") == "credit"
                    ? nil : try row.optionalText("paid_on").map { try Day(iso: $0) })
        }
    }

    private static func decode(_ row: Cells) throws -> CorrectiveAction {
        let id = try row.text("id")
        guard let department = Department(rawValue: try row.text("owner_department")) else {
            throw CorruptRecord(table: "corrective_actions", id: id, reason: "owner_department")
        }
        return CorrectiveAction(
            id: CorrectiveAction.ID(id), rootCause: try row.text("root_cause"),
            description: try row.text("description"), ownerDepartment: department,
            dueOn: try Day(iso: try row.text("due_on")),
            implementedOn: try row.optionalText("implemented_on").map { try Day(iso: $0) })
    }
}
