import RapportApp
import RapportCore
import Vapor

/// `GET /audit[?since=YYYY-MM-DD]` (manager, admin): the audit log, newest last.
struct AuditController {
    let app: AppEnvironment

    struct Row: Encodable, Sendable {
        var at: String; var actor: String; var action: String; var record: String; var before: [String]; var after: [String]
    }
    struct Content: Encodable, Sendable { var since: String; var rows: [Row] }

    func list(_ request: Request) async throws -> Response {
        try request.require(.audit)
        let since = try QueueController.day(request.query[String.self, at: "since"], field: "since")
        let events = try await app.audit.list(since: since, limit: 1000)
        let rows = events.map { event in
            Row(at: event.at.isoString, actor: event.actor, action: event.action, record: "\(event.entity) \(event.entityID)",
                before: event.before.split(separator: "\n").map(String.init), after: event.after.split(separator: "\n").map(String.init))
        }
        return try await request.page("audit", title: "Audit log", Content(since: since?.isoString ?? "", rows: rows))
    }
}
