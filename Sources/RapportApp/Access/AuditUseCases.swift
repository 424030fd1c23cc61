import RapportCore

/// The audit log: who changed what, when, before and after. Use cases append; people read.
public struct AuditUseCases: Sendable {
    let env: AppEnvironment

    /// Appends one event by the environment's actor, now.
    public func record(_ action: String, entity: String, id: String, before: String = "", after: String = "") async throws {
        try await env.repositories.audit.insertAuditEvent(
            AuditEvent(actor: env.actor, at: env.now, action: action, entity: entity, entityID: id, before: before, after: after))
    }

    /// The events from the start of `since` (UTC; all when nil), oldest first, at most `limit`.
    public func list(since: Day? = nil, limit: Int = 1000) async throws -> [AuditEvent] {
        let from = since.map { Instant(secondsSinceEpoch: Int64($0.daysSinceEpoch) * 86_400) }
        return try await env.repositories.audit.fetchAuditEvents(since: from, limit: limit)
    }
}

extension AppEnvironment {
    /// The audit log.
    public var audit: AuditUseCases { AuditUseCases(env: self) }
}
