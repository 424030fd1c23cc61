import FluentKit
import SQLKit

/// An open invoice read without a look-up into `invoices`: `open_items.collection_start` and
/// `open_items.job_id` (the invoice's, copied in like its due day — they never change; NULL for
/// credits), backfilled. The queue's open invoices and the aging as of a day read them.
struct AddOpenItemInvoiceDays: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("open_items").field("collection_start", .string).update()
        try await database.schema("open_items").field("job_id", .string).update()
        let sql = database as! any SQLDatabase
        try await sql.raw("""
            UPDATE open_items SET collection_start = (SELECT i.collection_start FROM invoices i WHERE i.id = open_items.ref_id),
              job_id = (SELECT i.job_id FROM invoices i WHERE i.id = open_items.ref_id)
            WHERE kind = 'invoice'
            """).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("open_items").deleteField("job_id").update()
        try await database.schema("open_items").deleteField("collection_start").update()
    }
}
