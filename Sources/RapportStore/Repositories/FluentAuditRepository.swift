import FluentKit
import RapportCore
import SQLKit

/// `AuditRepository` on SQLite or PostgreSQL.
public struct FluentAuditRepository: AuditRepository {
    let database: any Database

    public init(_ database: RapportDatabase) { self.database = database.database }

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    public func insertAuditEvent(_ event: AuditEvent) async throws {
        try await sql.insert(into: "audit_events")
            .columns("at", "actor", "action", "entity", "entity_id", "before_values", "after_values")
            .values(SQLBind(event.at.secondsSinceEpoch), SQLBind(event.actor), SQLBind(event.action), SQLBind(event.entity),
                    SQLBind(event.entityID), SQLBind(event.before), SQLBind(event.after))
            .run()
    }

    public func fetchAuditEvents(since: Instant?, limit: Int) async throws -> [AuditEvent] {
        var query = sql.select().column("*").from("audit_events")
        if let since { query = query.where("at", .greaterThanOrEqual, since.secondsSinceEpoch) }
        return try await query.orderBy("seq").limit(limit).rows().map(Self.decode)
    }

    public func fetchAuditEvents(entity: String, id: String) async throws -> [AuditEvent] {
        try await sql.select().column("*").from("audit_events").where("entity", .equal, entity).where("entity_id", .equal, id)
            .orderBy("seq").rows().map(Self.decode)
    }

    private static func decode(_ row: Cells) throws -> AuditEvent {
        AuditEvent(
            actor: try row.text("actor"), at: Instant(secondsSinceEpoch: try row.integer("at")), action: try row.text("action"),
            entity: try row.text("entity"), entityID: try row.text("entity_id"), before: try row.text("before_values"),
            after: try row.text("after_values"))
    }
}
