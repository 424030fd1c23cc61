import FluentKit
import SQLKit

/// What the web's touch form asks besides the notes, each in a column of its own: the job the
/// touch was about, the contact reached, the day of the next contact and the customer's
/// satisfaction (1–5). Older touches keep these in their notes and have the columns empty.
struct AddInteractionDetails: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("ALTER TABLE interactions ADD COLUMN job_id TEXT").run()
        try await sql.raw("ALTER TABLE interactions ADD COLUMN contact_id TEXT").run()
        try await sql.raw("ALTER TABLE interactions ADD COLUMN next_on TEXT").run()
        try await sql.raw("ALTER TABLE interactions ADD COLUMN satisfaction BIGINT").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for column in ["satisfaction", "next_on", "contact_id", "job_id"] {
            try await sql.raw("ALTER TABLE interactions DROP COLUMN \(ident: column)").run()
        }
    }
}
