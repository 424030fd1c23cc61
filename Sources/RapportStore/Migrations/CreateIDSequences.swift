import FluentKit
import SQLKit

/// Named counters for the ids Rapport makes itself (cases, promises, touches …): each is advanced by
/// one atomic statement, so several server instances never hand out the same number. Seeded from
/// the rows already stored, so a database numbered the old way (count + 1) carries on where it was.
struct CreateIDSequences: AsyncMigration {
    /// Each counter and the table whose rows it numbers.
    static let seeded = [
        ("case", "cases"), ("promise", "promises_to_pay"), ("interaction", "interactions"), ("change_request", "change_requests"),
        ("arrangement", "payment_arrangements"), ("credit_review", "credit_reviews"), ("corrective_action", "corrective_actions"),
        ("billing_change", "billing_changes"),
    ]

    func prepare(on database: any Database) async throws {
        try await database.schema("id_sequences")
            .field("name", .string, .identifier(auto: false))
            .field("last_value", .int64, .required)
            .create()
        let sql = database as! any SQLDatabase
        for (name, table) in Self.seeded {
            let count = try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()!.decode(column: "n", as: Int64.self)
            try await sql.insert(into: "id_sequences").columns("name", "last_value").values(SQLBind(name), SQLBind(count)).run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("id_sequences").delete()
    }
}
