import RapportCore
import RapportStore

/// `Idempotency-Key`: the same key with the same request within 24 hours gets the first response
/// again, without the work being done twice; with a different request it is refused.
public struct IdempotencyUseCases: Sendable {
    let env: AppEnvironment

    /// How long a key's first response is kept.
    public static let keepSeconds: Int64 = 24 * 3600

    /// Claims `key` for `user`'s request, identified by its method, path and body.
    public func claim(_ key: String, user: User.ID, method: String, path: String, body: [UInt8]) async throws -> IdempotencyClaim {
        let now = env.now
        return try await env.repositories.idempotency.claimKey(
            key, user: user, requestHash: SecretTokens.digest(method + " " + path + "\n", body: body), at: now,
            expiresBefore: now.adding(seconds: -Self.keepSeconds))
    }

    /// Keeps the response the claimed request got.
    public func complete(_ key: String, user: User.ID, response: StoredResponse) async throws {
        try await env.repositories.idempotency.completeKey(key, user: user, response: response)
    }

    /// Frees the key of a request that failed on the server's side.
    public func release(_ key: String, user: User.ID) async throws {
        try await env.repositories.idempotency.releaseKey(key, user: user)
    }
}

extension AppEnvironment {
    /// Idempotency keys of the JSON API.
    public var idempotency: IdempotencyUseCases { IdempotencyUseCases(env: self) }
}
