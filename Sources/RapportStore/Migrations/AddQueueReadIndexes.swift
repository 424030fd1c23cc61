import FluentKit
import SQLKit

/// What a specialist's queue reads, made cheap: `open_items.paid_late` (1 when a cash-settled
/// invoice was paid after its collection start, kept by every posting) and three partial indexes —
/// open invoices by account, and paid invoices by account and by paid day — so the queue reads a
/// few thousand index entries instead of every invoice of the specialist's accounts.
struct AddQueueReadIndexes: AsyncMigration {
    /// `paid_late` of the open-item row in scope (used here and after every posting).
    static let paidLate: SQLQueryString = """
        CASE WHEN open_items.paid_on > (SELECT i.collection_start FROM invoices i WHERE i.id = open_items.ref_id) THEN 1 ELSE 0 END
        """

    func prepare(on database: any Database) async throws {
        try await database.schema("open_items").field("paid_late", .int).update()
        let sql = database as! any SQLDatabase
        try await sql.raw("UPDATE open_items SET paid_late = \(Self.paidLate) WHERE kind = 'invoice' AND paid_on IS NOT NULL").run()
        // Literal conditions (SQLite uses a partial index only for queries that repeat them), and
        // leading equality columns, so that the planner prefers them even without statistics.
        try await sql.raw("CREATE INDEX open_items_open ON open_items (account_id, kind, day) WHERE open_minor <> 0").run()
        try await sql.raw("""
            CREATE INDEX open_items_paid_account ON open_items (account_id, kind, settled_by, paid_on, paid_late) \
            WHERE paid_on IS NOT NULL
            """).run()
        try await sql.raw("""
            CREATE INDEX open_items_paid_day ON open_items (kind, settled_by, paid_on, paid_late) WHERE paid_on IS NOT NULL
            """).run()
        // No query reads open items by kind and day any more (the old queue did): 58 MB on the demo company.
        try await sql.raw("DROP INDEX open_items_kind_day").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for index in ["open_items_open", "open_items_paid_account", "open_items_paid_day"] {
            try await sql.raw("DROP INDEX \(ident: index)").run()
        }
        try await database.createIndex("open_items_kind_day", on: "open_items", "kind", "day")
        try await database.schema("open_items").deleteField("paid_late").update()
    }
}
