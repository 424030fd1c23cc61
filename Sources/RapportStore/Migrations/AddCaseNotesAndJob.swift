import FluentKit
import SQLKit

/// A case's own notes (what the person who opened it found) and the job it is about, which
/// before lived in its first comments.
struct AddCaseNotesAndJob: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("ALTER TABLE cases ADD COLUMN job_id TEXT").run()
        try await sql.raw("ALTER TABLE cases ADD COLUMN notes TEXT NOT NULL DEFAULT ''").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("ALTER TABLE cases DROP COLUMN notes").run()
        try await sql.raw("ALTER TABLE cases DROP COLUMN job_id").run()
    }
}
