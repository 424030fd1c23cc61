import RapportCore
import RapportStore
import Vapor

/// The user a request was signed in as, with their session; set by `SessionAuthenticator`.
struct SignedInUser: Sendable {
    var user: User
    var session: StoredSession
    /// The raw cookie value (to sign out).
    var cookie: String
}

extension Request {
    private struct SignedInKey: StorageKey { typealias Value = SignedInUser }

    /// The signed-in user of this request, if any.
    var signedIn: SignedInUser? {
        get { storage[SignedInKey.self] }
        set { storage[SignedInKey.self] = newValue }
    }

    /// The signed-in user; a page that needs one is behind `RequireSignIn`, so this never fails there.
    func requireUser() throws -> SignedInUser {
        guard let signedIn else { throw Abort(.unauthorized) }
        return signedIn
    }

    /// Refuses with 403 unless the signed-in user's role allows `permission`.
    @discardableResult
    func require(_ permission: Permission) throws -> SignedInUser {
        let signedIn = try requireUser()
        guard signedIn.user.role.allows(permission) else { throw WebError.forbidden("Your role (\(signedIn.user.role.rawValue)) cannot see or do this.") }
        return signedIn
    }

    /// Whether the request came over HTTPS (directly or through a proxy that says so).
    var isSecure: Bool {
        url.scheme == "https" || headers.first(name: "X-Forwarded-Proto")?.lowercased() == "https"
    }
}
