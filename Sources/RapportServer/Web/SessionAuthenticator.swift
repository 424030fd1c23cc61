import RapportApp
import Vapor

/// Reads the session cookie and, when it names a live session, records the user on the request.
struct SessionAuthenticator: AsyncMiddleware {
    static let cookieName = "rapport_session"
    let app: AppEnvironment

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let cookie = request.cookies[Self.cookieName]?.string, !cookie.isEmpty,
           let found = try await app.signIn.session(cookie: cookie) {
            request.signedIn = SignedInUser(user: found.user, session: found.session, cookie: cookie)
        }
        return try await next.respond(to: request)
    }
}

/// Sends a request without a signed-in user to the sign-in page, remembering where it was going.
struct RequireSignIn: AsyncMiddleware {
    /// RFC 3986's unreserved characters: everything else in `next` is percent-encoded.
    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.signedIn != nil else {
            var target = request.url.path
            if let query = request.url.query, request.method == .GET { target += "?" + query }
            let encoded = target.addingPercentEncoding(withAllowedCharacters: Self.unreserved) ?? "/"
            return request.redirect(to: "/login?next=" + encoded, redirectType: .normal)
        }
        return try await next.respond(to: request)
    }
}

/// Refuses every POST whose `_csrf` field is not the session's token (403). GET never changes anything.
struct CSRFCheck: AsyncMiddleware {
    /// The largest form body (an import upload may be larger: see `RapportServer.uploadLimit`).
    static let formLimit = 1 << 20

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.method == .POST {
            guard let signedIn = request.signedIn else { throw WebError.badCSRF }
            // The token is in the body, which a route collects only after its middleware: read it here.
            if request.body.data == nil {
                let limit = request.url.path == "/imports" ? RapportServer.uploadLimit : Self.formLimit
                _ = try await request.body.collect(max: limit).get()
            }
            let sent = try? request.content.get(String.self, at: "_csrf")
            guard let sent, constantTimeEqual(sent, signedIn.session.csrfToken) else { throw WebError.badCSRF }
        }
        return try await next.respond(to: request)
    }
}

/// Compares two secrets without stopping at the first difference.
func constantTimeEqual(_ left: String, _ right: String) -> Bool {
    let a = Array(left.utf8), b = Array(right.utf8)
    guard a.count == b.count else { return false }
    var difference: UInt8 = 0
    for index in a.indices { difference |= a[index] ^ b[index] }
    return difference == 0
}
