import FluentKit
import SQLKit

/// Reads the database's change counter (`ChangeVersion`): a result derived from data read after
/// it stays right while the counter stands still.
public protocol ChangeVersionRepository: Sendable {
    /// The counter now; nil when the store keeps none (then nothing derived may be kept).
    func fetchChangeVersion() async throws -> Int64?
}

/// A store without a change counter (fakes): nothing derived is ever kept.
public struct NoChangeVersion: ChangeVersionRepository {
    public init() {}

    public func fetchChangeVersion() async throws -> Int64? { nil }
}

/// `ChangeVersionRepository` on SQLite or PostgreSQL.
public struct FluentChangeVersionRepository: ChangeVersionRepository {
    let database: any Database

    public init(_ database: RapportDatabase) { self.database = database.database }

    public func fetchChangeVersion() async throws -> Int64? { try await ChangeVersion.read(database as! any SQLDatabase) }
}
