import ArgumentParser
import Foundation
import RapportApp
import RapportCore

/// `rapport audit`: who changed money, cases, assignments, users and settings.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Read the audit log.", subcommands: [AuditListCommand.self])
}

/// `rapport audit list`.
struct AuditListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List audit events, oldest first.")

    @Option(help: ArgumentHelp("Only events from this UTC day on.", valueName: "YYYY-MM-DD"), transform: parseDay) var since: Day?
    @Option(help: "The most events to list.") var limit = 1000
    @Option(help: "table or json.") var format: OutputFormat = .table
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    struct EventJSON: Encodable {
        let at, actor, action, entity, entityId, before, after: String
    }

    func run() async throws {
        let events = try await database.withApp { app in try await app.audit.list(since: since, limit: limit) }
        switch format {
        case .json:
            let rows = events.map {
                EventJSON(at: $0.at.isoString, actor: $0.actor, action: $0.action, entity: $0.entity, entityId: $0.entityID,
                          before: $0.before, after: $0.after)
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(rows), as: UTF8.self))
        case .table:
            print(renderTable(["at", "actor", "action", "record", "after"], events.map { event in
                [event.at.isoString, event.actor, event.action, "\(event.entity) \(event.entityID)",
                 event.after.replacing("\n", with: "; ")]
            }))
        }
    }
}
