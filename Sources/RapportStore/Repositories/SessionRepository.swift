import RapportCore

/// A signed-in browser: the SHA-256 of its cookie (the cookie itself is never stored), its user,
/// the CSRF token its forms carry, and when it started, was last seen and stops working.
public struct StoredSession: Sendable, Hashable {
    public var id: String
    public var userID: User.ID
    public var csrfToken: String
    public var createdAt: Instant
    public var lastSeenAt: Instant
    public var expiresAt: Instant

    public init(id: String, userID: User.ID, csrfToken: String, createdAt: Instant, lastSeenAt: Instant, expiresAt: Instant) {
        self.id = id
        self.userID = userID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.expiresAt = expiresAt
    }
}

/// Stores sessions and the one-time tokens of submitted forms.
public protocol SessionRepository: Sendable {
    func insertSession(_ session: StoredSession) async throws
    func fetchSession(_ id: String) async throws -> StoredSession?
    func updateLastSeen(_ id: String, at: Instant) async throws
    func deleteSession(_ id: String) async throws
    func deleteSessions(of user: User.ID) async throws
    /// Claims a form token for `user`; nil when it was free, else where its first submission went
    /// ("" while that submission is still being handled).
    func claimFormToken(_ token: String, user: User.ID, at: Instant) async throws -> String?
    /// Where the submission of a claimed token went.
    func completeFormToken(_ token: String, location: String) async throws
    /// Frees a claimed token whose submission was refused, so the corrected form can be sent.
    func releaseFormToken(_ token: String) async throws
}
