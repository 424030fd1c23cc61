import RapportCore

/// Appends to and reads the audit log; nothing here updates or deletes an event.
public protocol AuditRepository: Sendable {
    func insertAuditEvent(_ event: AuditEvent) async throws
    /// Events at or after `since` (all when nil), oldest first, at most `limit`.
    func fetchAuditEvents(since: Instant?, limit: Int) async throws -> [AuditEvent]
    /// Every event about one record, oldest first.
    func fetchAuditEvents(entity: String, id: String) async throws -> [AuditEvent]
}
