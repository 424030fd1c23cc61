import RapportApp
import Vapor

/// The body of `GET /health`.
struct HealthDTO: Content, Equatable {
    var status: String
    var database: String
}

/// Answers `GET /health`: the server is up and the database answers a query.
struct HealthController {
    let app: AppEnvironment

    func health() async throws -> HealthDTO {
        do {
            try await app.system.checkDatabase()
            return HealthDTO(status: "ok", database: "ok")
        } catch {
            throw Abort(.serviceUnavailable, reason: "database unavailable")
        }
    }
}
