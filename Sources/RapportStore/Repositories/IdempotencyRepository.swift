import RapportCore

/// The first response given to one `Idempotency-Key`: what a repeat of the request gets back.
public struct StoredResponse: Sendable, Hashable {
    public var status: Int
    public var contentType: String?
    public var location: String?
    public var body: String

    public init(status: Int, contentType: String?, location: String?, body: String) {
        self.status = status
        self.contentType = contentType
        self.location = location
        self.body = body
    }
}

/// What claiming an idempotency key found.
public enum IdempotencyClaim: Sendable, Hashable {
    /// Nobody used the key (or its last use expired): do the work, then `completeKey`.
    case fresh
    /// The key answered the same request before: send this response again.
    case replay(StoredResponse)
    /// The key was used for a different request.
    case mismatch
    /// The first request with this key is still being handled.
    case inFlight
}

/// Stores the API's idempotency keys, per user.
public protocol IdempotencyRepository: Sendable {
    /// Claims `key` of `user` for the request whose digest is `requestHash`; a use older than
    /// `expiresBefore` is forgotten first.
    func claimKey(_ key: String, user: User.ID, requestHash: String, at: Instant, expiresBefore: Instant) async throws -> IdempotencyClaim
    /// Records the response the claimed key's request got.
    func completeKey(_ key: String, user: User.ID, response: StoredResponse) async throws
    /// Frees a claimed key whose request failed on the server's side, so it can be retried.
    func releaseKey(_ key: String, user: User.ID) async throws
}
