import RapportCore

/// An API token as stored: its id (what `rapport token revoke` names), its user, its name, the
/// SHA-256 of its secret (the secret itself is shown once and never stored) and its dates.
public struct StoredAPIToken: Sendable, Hashable {
    public var id: String
    public var userID: User.ID
    public var name: String
    public var tokenHash: String
    public var createdAt: Instant
    public var lastUsedAt: Instant?
    public var revokedAt: Instant?

    public init(
        id: String, userID: User.ID, name: String, tokenHash: String, createdAt: Instant, lastUsedAt: Instant? = nil,
        revokedAt: Instant? = nil
    ) {
        self.id = id
        self.userID = userID
        self.name = name
        self.tokenHash = tokenHash
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
        self.revokedAt = revokedAt
    }
}

/// Stores the JSON API's bearer tokens.
public protocol APITokenRepository: Sendable {
    func insertToken(_ token: StoredAPIToken) async throws
    /// The token whose secret hashes to `hash`, revoked or not.
    func fetchToken(hash: String) async throws -> StoredAPIToken?
    func fetchToken(id: String) async throws -> StoredAPIToken?
    /// Every token, newest first.
    func fetchTokens() async throws -> [StoredAPIToken]
    func updateLastUsed(_ id: String, at: Instant) async throws
    func updateRevoked(_ id: String, at: Instant) async throws
}
