import Vapor

/// Sets the security headers on every response — pages, redirects, errors, CSV and JSON alike:
/// a CSP that allows only Rapport's own scripts and styles and no framing, `nosniff`, no referrer
/// beyond the origin, `X-Frame-Options: DENY`, and no caching of signed-in pages.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response: Response
        do {
            response = try await next.respond(to: request)
        } catch {
            // Errors are rendered by the error middleware inside this one; this is a last resort.
            response = Response(status: .internalServerError, body: .init(string: "Internal server error"))
        }
        let headers = [
            ("Content-Security-Policy", Self.contentSecurityPolicy), ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "same-origin"), ("X-Frame-Options", "DENY"), ("Cross-Origin-Opener-Policy", "same-origin"),
        ]
        for (name, value) in headers { response.headers.replaceOrAdd(name: name, value: value) }
        if response.headers.first(name: .cacheControl) == nil, !request.url.path.hasPrefix("/static/") {
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        return response
    }
}
