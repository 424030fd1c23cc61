import ArgumentParser

/// `rapport migrate`: creates or updates the database schema.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Create the database or bring its schema up to date.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let config = try database.config()
        let pending = try await AppComposition.migrate(config)
        print(pending.isEmpty
            ? "\(config.database): schema is up to date"
            : "\(config.database): applied \(pending.count) migration\(pending.count == 1 ? "" : "s")")
    }
}
