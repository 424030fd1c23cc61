import HTTPTypes
import OpenAPIRuntime
import RapportApp

/// Finds the user of `Authorization: Bearer TOKEN` and runs the operation as that user; no token,
/// an unknown or revoked one, or a disabled user answers 401 with a problem document.
struct BearerAuthMiddleware: ServerMiddleware {
    let app: AppEnvironment

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard let header = request.headerFields[.authorization] else {
            return Self.refusal("Send `Authorization: Bearer TOKEN`; `rapport token create USERNAME --name NAME` makes one.")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            return Self.refusal("The Authorization header must be `Bearer TOKEN`.")
        }
        guard let user = try await app.apiTokens.authenticate(secret: String(parts[1]).trimmingCharacters(in: .whitespaces)) else {
            return Self.refusal("The token is unknown or revoked, or its user is disabled.")
        }
        return try await APICaller.$user.withValue(user) { try await next(request, body, metadata) }
    }

    private static func refusal(_ detail: String) -> (HTTPResponse, HTTPBody?) {
        var (response, body) = APIProblem.unauthorized(detail).response()
        response.headerFields[.wwwAuthenticate] = "Bearer realm=\"rapport\""
        return (response, body)
    }
}
