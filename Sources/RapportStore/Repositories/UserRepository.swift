import RapportCore

/// A user as stored: the user, its bcrypt hash (nil: the user cannot sign in) and when it was added.
public struct StoredUser: Sendable, Hashable {
    public var user: User
    public var passwordHash: String?
    public var createdAt: Instant?

    public init(user: User, passwordHash: String?, createdAt: Instant?) {
        self.user = user
        self.passwordHash = passwordHash
        self.createdAt = createdAt
    }
}

/// Stores users, their password hashes and their failed sign-ins.
public protocol UserRepository: Sendable {
    func insertUser(_ user: User, passwordHash: String?, at: Instant) async throws
    func fetchUser(_ id: User.ID) async throws -> StoredUser?
    /// Every user, by username.
    func fetchUsers() async throws -> [StoredUser]
    func updatePasswordHash(_ id: User.ID, to hash: String) async throws
    func updateDisabled(_ id: User.ID, to disabled: Bool) async throws
    func insertSignInFailure(username: String, at: Instant) async throws
    /// The failed sign-ins of `username` at or after `since`.
    func fetchSignInFailures(username: String, since: Instant) async throws -> [Instant]
}
