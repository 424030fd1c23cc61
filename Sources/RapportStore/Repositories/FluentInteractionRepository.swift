import FluentKit
import RapportCore
import SQLKit

/// `InteractionRepository` on SQLite or PostgreSQL.
public struct FluentInteractionRepository: InteractionRepository {
    let database: any Database

    public init(_ database: RapportDatabase) { self.database = database.database }

    init(database: any Database) { self.database = database }

    public func insertInteraction(_ touch: Interaction) async throws {
        try await (database as! any SQLDatabase).insertBatched([InteractionRecord(touch)], into: "interactions")
        try await ChangeVersion.bumpTouch(account: touch.accountID.rawValue, database as! any SQLDatabase)
    }

    public func fetchInteractions(accounts: some Collection<Account.ID> & Sendable) async throws -> [Interaction] {
        let sql = database as! any SQLDatabase
        return try await sql.fetchChunked(accounts.map(\.rawValue)) { chunk in
            sql.select().column("*").from("interactions").where("account_id", .in, chunk)
        } decode: { row in try InteractionRecord(row: row).toDomain() }
        .sorted { ($0.occurredOn, $0.id) < ($1.occurredOn, $1.id) }
    }

    public func countInteractions() async throws -> Int {
        try await (database as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM interactions").rows().first!.int("n")
    }
}
