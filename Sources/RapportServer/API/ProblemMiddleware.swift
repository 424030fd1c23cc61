import HTTPTypes
import Logging
import OpenAPIRuntime

/// Turns every error an operation throws into an RFC 9457 problem document: the client's mistakes
/// and refused rules get their status (400, 403, 404, 409, 422); anything else is logged and
/// answered 500 without the details. The one place the API maps errors to statuses.
struct ProblemMiddleware: ServerMiddleware {
    let logger: Logger

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        do {
            return try await next(request, body, metadata)
        } catch {
            if let problem = APIProblem(error: error) { return problem.response() }
            logger.error("\(request.method) \(request.path ?? ""): \(String(reflecting: error))")
            let text = String(describing: error).lowercased()
            if ["database is locked", "connection", "disk is full"].contains(where: text.contains) {
                var (response, body) = APIProblem(status: 503, title: "Unavailable", detail: "The database is busy; try again.").response()
                response.headerFields[.retryAfter] = "5"
                return (response, body)
            }
            return APIProblem(status: 500, title: "Internal error", detail: "Something went wrong on our side; it has been logged.").response()
        }
    }
}
