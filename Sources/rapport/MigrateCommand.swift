import ArgumentParser
import Logging
import RapportStore

/// `rapport migrate`: creates or updates the database schema.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Create the database or bring its schema up to date.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let config = try database.config()
        var logger = Logger(label: "rapport")
        logger.logLevel = config.logLevel
        let db = try await RapportDatabase.open(config.database, logger: logger, migrate: false)
        do {
            let pending = try await db.pendingMigrations()
            try await db.migrate()
            print(pending.isEmpty
                ? "\(config.database): schema is up to date"
                : "\(config.database): applied \(pending.count) migration\(pending.count == 1 ? "" : "s")")
            await db.close()
        } catch {
            await db.close()
            throw error
        }
    }
}
