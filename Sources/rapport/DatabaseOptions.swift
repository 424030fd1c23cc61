import ArgumentParser
import Logging
import RapportStore

/// The `--db` option every command takes, and opening the database it names.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp(
        "SQLite file path or postgres:// URL (default: $DATABASE_URL, then $RAPPORT_DB, then ./rapport.sqlite).",
        valueName: "PATH"))
    var db: String?

    func config(hostname: String? = nil, port: Int? = nil) throws -> RapportConfig {
        try RapportConfig.resolve(db: db, hostname: hostname, port: port)
    }

    /// Opens and migrates the database, runs `body`, and always closes it.
    func withDatabase<T: Sendable>(_ body: (RapportDatabase, RapportConfig) async throws -> T) async throws -> T {
        let config = try config()
        return try await Self.withDatabase(config, body)
    }

    static func withDatabase<T: Sendable>(
        _ config: RapportConfig, _ body: (RapportDatabase, RapportConfig) async throws -> T
    ) async throws -> T {
        var logger = Logger(label: "rapport")
        logger.logLevel = config.logLevel
        let database = try await RapportDatabase.open(config.database, logger: logger)
        do {
            let result = try await body(database, config)
            await database.close()
            return result
        } catch {
            await database.close()
            throw error
        }
    }
}
