import RapportApp
import Vapor

/// Builds and runs Rapport's HTTP server on an application environment (built by the caller's composition root).
public enum RapportServer {
    /// Makes a configured application; the caller runs it (`execute()`) or tests it.
    public static func makeApplication(
        app environmentValue: AppEnvironment, configuration: ServerConfiguration, environment: Environment = .production
    ) async throws -> Application {
        var environment = environment
        environment.arguments = ["rapport"]
        let app = try await Application.make(environment)
        app.http.server.configuration.hostname = configuration.hostname
        app.http.server.configuration.port = configuration.port
        try routes(app, environment: environmentValue)
        return app
    }

    /// Serves until interrupted.
    public static func run(app environmentValue: AppEnvironment, configuration: ServerConfiguration) async throws {
        let app = try await makeApplication(app: environmentValue, configuration: configuration)
        do {
            try await app.execute()
        } catch {
            try await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    static func routes(_ app: Application, environment: AppEnvironment) throws {
        app.get("health") { _ async throws -> HealthDTO in
            try await HealthController(app: environment).health()
        }
    }
}
