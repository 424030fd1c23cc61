import RapportApp
import Vapor

/// `GET /login`, `POST /login` and `POST /logout`.
struct LoginController {
    static let csrfCookie = "rapport_login_csrf"
    let app: AppEnvironment

    struct Form: Encodable, Sendable {
        var username: String
        var next: String
        var csrf: String
        var message: String?
    }

    struct Submission: Decodable {
        var username: String?
        var password: String?
        var _csrf: String?
        var next: String?
    }

    /// The sign-in form; a signed-in user goes straight on.
    func form(_ request: Request) async throws -> Response {
        let next = Self.safeNext(request.query[String.self, at: "next"])
        if request.signedIn != nil { return request.redirect(to: next, redirectType: .normal) }
        return try await render(request, username: "", next: next, message: nil, status: .ok)
    }

    /// Checks the credentials: 303 with the session cookie, or the form again with one message.
    func submit(_ request: Request) async throws -> Response {
        let form = try request.content.decode(Submission.self)
        guard let sent = form._csrf, let expected = request.cookies[Self.csrfCookie]?.string,
              constantTimeEqual(sent, expected) else { throw WebError.badCSRF }
        let username = (form.username ?? "").trimmingCharacters(in: .whitespaces)
        let next = Self.safeNext(form.next)
        do {
            let signedIn = try await app.signIn.signIn(username: username, password: form.password ?? "")
            let response = request.redirect(to: next, redirectType: .normal)
            response.cookies[SessionAuthenticator.cookieName] = HTTPCookies.Value(
                string: signedIn.cookie, expires: Date(timeIntervalSince1970: TimeInterval(signedIn.expiresAt.secondsSinceEpoch)),
                path: "/", isSecure: request.isSecure, isHTTPOnly: true, sameSite: .lax)
            response.cookies[Self.csrfCookie] = Self.expired(path: "/login", secure: request.isSecure)
            return response
        } catch SignInUseCases.Refusal.wrongCredentials {
            return try await render(request, username: username, next: next, message: "The username or password is not right.",
                                    status: .unauthorized)
        } catch SignInUseCases.Refusal.locked {
            return try await render(request, username: username, next: next,
                                    message: "Too many failed sign-ins for this username: try again in 15 minutes.", status: .unauthorized)
        }
    }

    /// Ends the session and clears its cookie.
    func logout(_ request: Request) async throws -> Response {
        if let signedIn = request.signedIn { try await app.signIn.signOut(cookie: signedIn.cookie) }
        let response = request.redirect(to: "/login?flash=signed-out", redirectType: .normal)
        response.cookies[SessionAuthenticator.cookieName] = Self.expired(path: "/", secure: request.isSecure)
        return response
    }

    private func render(_ request: Request, username: String, next: String, message: String?, status: HTTPStatus) async throws -> Response {
        let token = app.signIn.newToken()
        let response = try await request.page(
            "login", title: "Sign in", Form(username: username, next: next, csrf: token, message: message), status: status,
            hasErrors: message != nil)
        response.cookies[Self.csrfCookie] = HTTPCookies.Value(
            string: token, path: "/login", isSecure: request.isSecure, isHTTPOnly: true, sameSite: .strict)
        return response
    }

    /// Only a path on this site: anything else (`//evil`, `https://…`) goes home.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\"), !next.hasPrefix("/login"),
              !next.contains("\r"), !next.contains("\n") else { return "/" }
        return next
    }

    static func expired(path: String, secure: Bool) -> HTTPCookies.Value {
        HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: path, isSecure: secure, isHTTPOnly: true,
                          sameSite: .lax)
    }
}
