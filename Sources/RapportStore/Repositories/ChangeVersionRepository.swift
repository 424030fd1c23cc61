import FluentKit
import SQLKit

/// What a derived result depends on, for its change counter.
public enum ChangeScope: Hashable, Sendable {
    /// Every write (the dashboard).
    case everything
    /// Every write but the touches on other specialists' accounts (a specialist's queue).
    case queue(specialist: String)
}

/// Reads the database's change counters (`ChangeVersion`): a result derived from data read after
/// them stays right while the counter of its scope stands still.
public protocol ChangeVersionRepository: Sendable {
    /// The counter of `scope` now; it only grows. Nil when the store keeps none (then nothing derived may be kept).
    func fetchChangeVersion(_ scope: ChangeScope) async throws -> Int64?
}

/// A store without a change counter (fakes): nothing derived is ever kept.
public struct NoChangeVersion: ChangeVersionRepository {
    public init() {}

    public func fetchChangeVersion(_ scope: ChangeScope) async throws -> Int64? { nil }
}

/// `ChangeVersionRepository` on SQLite or PostgreSQL.
public struct FluentChangeVersionRepository: ChangeVersionRepository {
    let database: any Database

    public init(_ database: RapportDatabase) { self.database = database.database }

    public func fetchChangeVersion(_ scope: ChangeScope) async throws -> Int64? {
        try await ChangeVersion.read(scope, database as! any SQLDatabase)
    }
}
