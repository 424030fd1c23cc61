/// Tells whether the database answers.
public protocol HealthRepository: Sendable {
    /// Runs a trivial query: throws when the database does not answer.
    func ping() async throws
}

/// `HealthRepository` on an open database.
public struct FluentHealthRepository: HealthRepository {
    let database: RapportDatabase

    public init(_ database: RapportDatabase) { self.database = database }

    public func ping() async throws { try await database.ping() }
}
