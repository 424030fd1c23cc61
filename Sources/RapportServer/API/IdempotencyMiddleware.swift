import HTTPTypes
import OpenAPIRuntime
import RapportApp
import RapportStore

/// `Idempotency-Key` on a POST: the first response to a key is kept for 24 hours and given again
/// to the same request (same method, path, query and body) without doing the work twice; the same
/// key with another request is 422, and one still being handled is 409. A 5xx is not kept.
struct IdempotencyMiddleware: ServerMiddleware {
    let app: AppEnvironment
    /// The largest body a keyed request may have (an import's).
    let maxBody: Int

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard request.method == .post, let key = request.headerFields[HTTPField.Name("Idempotency-Key")!] else {
            return try await next(request, body, metadata)
        }
        guard !key.isEmpty, key.utf8.count <= 200, key.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            return APIProblem.badRequest("Idempotency-Key must be 1 to 200 visible ASCII characters.", field: "Idempotency-Key").response()
        }
        let user = try APICaller.current()
        var bytes: [UInt8] = []
        do { if let body { bytes = try await [UInt8](collecting: body, upTo: maxBody) } } catch {
            return APIProblem(status: 413, title: "Too large", detail: "The body is larger than \(maxBody) bytes.").response()
        }
        let idempotency = app.idempotency
        switch try await idempotency.claim(key, user: user.id, method: "POST", path: request.path ?? "", body: bytes) {
        case .replay(let stored):
            var fields = HTTPFields()
            if let type = stored.contentType { fields[.contentType] = type }
            if let location = stored.location { fields[.location] = location }
            fields[HTTPField.Name("Idempotent-Replayed")!] = "true"
            return (HTTPResponse(status: .init(code: stored.status), headerFields: fields), HTTPBody(stored.body))
        case .mismatch:
            return APIProblem.unprocessable(
                "Idempotency-Key \(key) was used within 24 hours for a different request.", field: "Idempotency-Key").response()
        case .inFlight:
            return APIProblem(status: 409, title: "Conflict", detail: "The first request with Idempotency-Key \(key) is still being handled.")
                .response()
        case .fresh:
            do {
                let (response, responseBody) = try await next(request, HTTPBody(bytes), metadata)
                var text = ""
                if let responseBody { text = try await String(collecting: responseBody, upTo: 64 << 20) }
                if response.status.code >= 500 {
                    try await idempotency.release(key, user: user.id)
                } else {
                    try await idempotency.complete(key, user: user.id, response: StoredResponse(
                        status: response.status.code, contentType: response.headerFields[.contentType],
                        location: response.headerFields[.location], body: text))
                }
                return (response, HTTPBody(text))
            } catch {
                try? await idempotency.release(key, user: user.id)
                throw error
            }
        }
    }
}
