import Foundation
import OpenAPIRuntime
import OpenAPIVapor
import RapportApp
import Vapor
import Yams

/// Mounts the JSON API under `/api/v1` (routing generated from `openapi.yaml`) and serves the
/// document itself, as JSON, at `GET /openapi.json` without sign-in.
enum APIRoutes {
    /// The API's base path, the document's `servers` entry.
    static let basePath = "/api/v1"

    static func register(on app: Application, environment: AppEnvironment) throws {
        let document = try openAPIJSON()
        app.get("openapi.json") { _ -> Response in
            Response(status: .ok, headers: ["Content-Type": "application/json"], body: .init(data: document))
        }
        let problems = ProblemMiddleware(logger: environment.logger)
        try RapportAPI(app: environment).registerHandlers(
            on: VaporTransport(routesBuilder: app), serverURL: URL(string: basePath)!,
            middlewares: [
                problems, BearerAuthMiddleware(app: environment),
                IdempotencyMiddleware(app: environment, maxBody: RapportServer.uploadLimit), problems,
            ])
    }

    /// `openapi.yaml` (copied into the bundle) as JSON.
    static func openAPIJSON() throws -> Data {
        let url = Bundle.module.bundleURL.appendingPathComponent("openapi.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        guard let tree = try Yams.load(yaml: text) else { throw Abort(.internalServerError, reason: "openapi.yaml is empty") }
        return try JSONSerialization.data(withJSONObject: tree, options: [.sortedKeys, .withoutEscapingSlashes])
    }
}
