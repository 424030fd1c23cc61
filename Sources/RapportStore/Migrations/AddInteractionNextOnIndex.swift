import FluentKit
import SQLKit

/// `interactions_next_on (next_on)`, partial (only touches that named a day): the queue's call-backs
/// are one range read of the few touches with a next contact day, not a scan of every touch.
struct AddInteractionNextOnIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX interactions_next_on ON interactions (next_on) WHERE next_on IS NOT NULL").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("DROP INDEX interactions_next_on").run()
    }
}
