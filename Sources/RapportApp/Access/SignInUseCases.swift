import RapportCore
import RapportStore

/// Signing in and out, and the sessions that sign-in starts.
public struct SignInUseCases: Sendable {
    let env: AppEnvironment

    /// A session is ended after this long without a request.
    public static let idleSeconds: Int64 = 2 * 3600
    /// A session is ended this long after sign-in, however busy.
    public static let absoluteSeconds: Int64 = 12 * 3600
    /// `last_seen_at` is written at most this often, so a page view is not a write.
    static let touchEverySeconds: Int64 = 60

    /// Why a sign-in was refused; one message for an unknown user, a wrong password and a disabled user.
    public enum Refusal: Error, Equatable {
        case wrongCredentials
        case locked(until: Instant)
    }

    /// A signed-in browser: its user, the cookie to give it and the CSRF token its forms carry.
    public struct SignedIn: Sendable {
        public var user: User
        /// The secret the browser sends back; only its SHA-256 is stored.
        public var cookie: String
        public var csrfToken: String
        public var expiresAt: Instant
    }

    /// Checks the username and password and starts a session; throws `Refusal`.
    public func signIn(username: String, password: String) async throws -> SignedIn {
        let users = env.repositories.users
        let now = env.now
        let throttle = SignInThrottle.standard
        let failures = try await users.fetchSignInFailures(username: username, since: throttle.lookback(from: now))
        if let until = throttle.lockedUntil(failedAt: failures, now: now) { throw Refusal.locked(until: until) }
        let stored = try await users.fetchUser(User.ID(username))
        let accepted: Bool
        if let stored, let hash = stored.passwordHash, password.utf8.count <= PasswordPolicy.maximumBytes {
            accepted = try await env.passwords.verify(password, against: hash) && !stored.user.isDisabled
        } else {
            // Spend what a check costs, so the answer's timing does not tell whether the user exists.
            _ = try await env.passwords.hash(password.isEmpty ? "-" : String(password.prefix(PasswordPolicy.maximumBytes)))
            accepted = false
        }
        guard accepted, let user = stored?.user else {
            try await users.insertSignInFailure(username: username, at: now)
            if let until = throttle.lockedUntil(failedAt: failures + [now], now: now) { throw Refusal.locked(until: until) }
            throw Refusal.wrongCredentials
        }
        let cookie = SecretTokens.make()
        let session = StoredSession(
            id: SecretTokens.digest(cookie), userID: user.id, csrfToken: SecretTokens.make(), createdAt: now, lastSeenAt: now,
            expiresAt: now.adding(seconds: Self.absoluteSeconds))
        try await env.repositories.sessions.insertSession(session)
        return SignedIn(user: user, cookie: cookie, csrfToken: session.csrfToken, expiresAt: session.expiresAt)
    }

    /// The user and session of `cookie`, if it names a live session of an enabled user; an expired one is deleted.
    public func session(cookie: String) async throws -> (user: User, session: StoredSession)? {
        let sessions = env.repositories.sessions
        let id = SecretTokens.digest(cookie)
        guard let session = try await sessions.fetchSession(id) else { return nil }
        let now = env.now
        if now >= session.expiresAt || now.secondsSinceEpoch - session.lastSeenAt.secondsSinceEpoch >= Self.idleSeconds {
            try await sessions.deleteSession(id)
            return nil
        }
        guard let stored = try await env.repositories.users.fetchUser(session.userID), !stored.user.isDisabled else {
            try await sessions.deleteSession(id)
            return nil
        }
        if now.secondsSinceEpoch - session.lastSeenAt.secondsSinceEpoch >= Self.touchEverySeconds {
            try await sessions.updateLastSeen(id, at: now)
        }
        return (stored.user, session)
    }

    /// Ends the session of `cookie` (nothing when there is none).
    public func signOut(cookie: String) async throws {
        try await env.repositories.sessions.deleteSession(SecretTokens.digest(cookie))
    }

    /// A fresh one-time token for a form (its second submission is answered as the first).
    public func newFormToken() -> String { SecretTokens.make() }

    /// A fresh random token (the sign-in form's CSRF cookie).
    public func newToken() -> String { SecretTokens.make() }

    /// What a form token's submission should do.
    public enum FormClaim: Equatable, Sendable {
        /// First use: do the work, then `completeForm` (or `releaseForm` when it is refused).
        case fresh
        /// Already submitted: answer with a redirect to where the first submission went.
        case submitted(location: String)
        /// The first submission is still being handled.
        case inFlight
    }

    /// Claims `token` for `user`.
    public func claimForm(_ token: String, user: User.ID) async throws -> FormClaim {
        switch try await env.repositories.sessions.claimFormToken(token, user: user, at: env.now) {
        case nil: .fresh
        case ""?: .inFlight
        case let location?: .submitted(location: location)
        }
    }

    /// Records where the submission of `token` went.
    public func completeForm(_ token: String, location: String) async throws {
        try await env.repositories.sessions.completeFormToken(token, location: location)
    }

    /// Frees `token` after its submission was refused.
    public func releaseForm(_ token: String) async throws {
        try await env.repositories.sessions.releaseFormToken(token)
    }
}

extension AppEnvironment {
    /// Signing in and sessions.
    public var signIn: SignInUseCases { SignInUseCases(env: self) }
}
