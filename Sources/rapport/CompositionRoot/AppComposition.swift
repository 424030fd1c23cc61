import Logging
import RapportApp
import RapportServer
import RapportStore

/// The CLI's composition root: the one place that opens the database and builds the application
/// environment every command runs on. No other CLI file knows the store.
enum AppComposition {
    /// Opens and migrates the configured database, builds the environment, runs `body`, and always closes it.
    static func withApp<T: Sendable>(_ config: RapportConfig, _ body: (AppEnvironment) async throws -> T) async throws -> T {
        var logger = Logger(label: "rapport")
        logger.logLevel = config.logLevel
        let clock = try CompanyClock(timeZoneName: config.timeZone)
        let database = try await RapportDatabase.open(config.database, logger: logger)
        do {
            var environment = AppEnvironment(repositories: StoreRepositories(database), clock: clock, logger: logger)
            environment.passwords = BcryptPasswordHasher()
            let result = try await body(environment)
            await database.close()
            return result
        } catch {
            await database.close()
            throw error
        }
    }

    /// Applies the migrations not yet applied; returns their names.
    static func migrate(_ config: RapportConfig) async throws -> [String] {
        var logger = Logger(label: "rapport")
        logger.logLevel = config.logLevel
        let database = try await RapportDatabase.open(config.database, logger: logger, migrate: false)
        do {
            let pending = try await database.pendingMigrations()
            try await database.migrate()
            await database.close()
            return pending
        } catch {
            await database.close()
            throw error
        }
    }

    /// Serves the configured database over HTTP until interrupted.
    static func serve(_ config: RapportConfig) async throws {
        try await withApp(config) { environment in
            var app = environment
            app.derived = DerivedResults()
            app.importBatcher = ImportBatcher()
            printError("rapport: serving \(config.database) on http://\(config.server.hostname):\(config.server.port)")
            try await RapportServer.run(app: app, configuration: config.server)
        }
    }
}

extension DatabaseOptions {
    /// Runs `body` on the application environment of the database these options name.
    func withApp<T: Sendable>(_ body: (AppEnvironment) async throws -> T) async throws -> T {
        try await AppComposition.withApp(try config(), body)
    }
}
