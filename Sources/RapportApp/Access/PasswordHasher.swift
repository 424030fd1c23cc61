/// Hashes and checks passwords. The edges give bcrypt (Vapor's, cost 12); nothing else may store a password.
public protocol PasswordHasher: Sendable {
    func hash(_ password: String) async throws -> String
    func verify(_ password: String, against hash: String) async throws -> Bool
}

/// The hasher of an environment that was given none: every call fails, naming what is missing.
public struct MissingPasswordHasher: PasswordHasher {
    public init() {}
    public func hash(_ password: String) async throws -> String { throw AppError.invalid("no password hasher is configured") }
    public func verify(_ password: String, against hash: String) async throws -> Bool { throw AppError.invalid("no password hasher is configured") }
}
