import RapportStore
import Vapor

/// Builds and runs Rapport's HTTP server on an open database.
public enum RapportServer {
    /// Makes a configured application; the caller runs it (`execute()`) or tests it.
    public static func makeApplication(
        database: RapportDatabase, configuration: ServerConfiguration, environment: Environment = .production
    ) async throws -> Application {
        var environment = environment
        environment.arguments = ["rapport"]
        let app = try await Application.make(environment)
        app.http.server.configuration.hostname = configuration.hostname
        app.http.server.configuration.port = configuration.port
        try routes(app, database: database)
        return app
    }

    /// Serves until interrupted.
    public static func run(database: RapportDatabase, configuration: ServerConfiguration) async throws {
        let app = try await makeApplication(database: database, configuration: configuration)
        do {
            try await app.execute()
        } catch {
            try await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    static func routes(_ app: Application, database: RapportDatabase) throws {
        app.get("health") { _ async throws -> HealthDTO in
            try await HealthController(database: database).health()
        }
    }
}
