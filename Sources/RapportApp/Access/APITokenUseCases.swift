import RapportCore
import RapportStore

/// The JSON API's bearer tokens: made for a user, shown once, stored as a digest, revoked for good.
public struct APITokenUseCases: Sendable {
    let env: AppEnvironment

    /// Every secret starts with this, so a leaked one is easy to recognise (and to scan for).
    public static let secretPrefix = "rpt_"
    /// `last_used_at` is written at most this often, so a request is not a write.
    static let touchEverySeconds: Int64 = 60

    /// A token just made: what is stored, and the secret, which nothing keeps.
    public struct Created: Sendable {
        public var token: StoredAPIToken
        public var secret: String
    }

    /// Makes a token acting as `username` (an enabled user); audited without the secret.
    public func create(username: String, name: String) async throws -> Created {
        let label = name.trimmingSpaces
        guard !label.isEmpty, label.count <= 100 else { throw InvalidField("name", "must be 1 to 100 characters") }
        let user = try await env.users.get(username)
        if user.isDisabled { throw AppError.invalid("user \(username) is disabled; enable it before making a token") }
        let secret = Self.secretPrefix + SecretTokens.make()
        let id = try await env.ids.next(.apiToken) { try await env.repositories.apiTokens.fetchToken(id: $0) != nil }
        let token = StoredAPIToken(id: id, userID: user.id, name: label, tokenHash: SecretTokens.digest(secret), createdAt: env.now)
        try await env.repositories.apiTokens.insertToken(token)
        try await env.audit.record("token.create", entity: "api_token", id: id, after: AuditEvent.fields([
            "user": user.id.rawValue, "name": label,
        ]))
        return Created(token: token, secret: secret)
    }

    /// Every token, newest first (digests included; they are useless without the secret).
    public func list() async throws -> [StoredAPIToken] { try await env.repositories.apiTokens.fetchTokens() }

    /// Revokes a token: every later request with it answers 401. Revoking twice changes nothing.
    public func revoke(_ id: String) async throws -> StoredAPIToken {
        let tokens = env.repositories.apiTokens
        guard var token = try await tokens.fetchToken(id: id) else { throw AppError.notFound("unknown token \(id)") }
        guard token.revokedAt == nil else { return token }
        token.revokedAt = env.now
        try await tokens.updateRevoked(id, at: env.now)
        try await env.audit.record("token.revoke", entity: "api_token", id: id, before: "revoked=false", after: "revoked=true")
        return token
    }

    /// The enabled user a presented secret acts as, or nil for an unknown, revoked or disabled one.
    public func authenticate(secret: String) async throws -> User? {
        guard secret.hasPrefix(Self.secretPrefix), secret.utf8.count < 200,
              let token = try await env.repositories.apiTokens.fetchToken(hash: SecretTokens.digest(secret)),
              token.revokedAt == nil,
              let stored = try await env.repositories.users.fetchUser(token.userID), !stored.user.isDisabled else { return nil }
        let now = env.now
        if token.lastUsedAt.map({ now.secondsSinceEpoch - $0.secondsSinceEpoch >= Self.touchEverySeconds }) ?? true {
            try await env.repositories.apiTokens.updateLastUsed(token.id, at: now)
        }
        return stored.user
    }
}

extension AppEnvironment {
    /// API tokens.
    public var apiTokens: APITokenUseCases { APITokenUseCases(env: self) }
}
