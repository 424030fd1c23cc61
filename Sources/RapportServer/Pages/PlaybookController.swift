import RapportCore
import Vapor

/// `GET /settings/playbook` (admin): the rules in force that build every specialist's queue.
struct PlaybookController {
    struct Row: Encodable, Sendable {
        var id: String
        var trigger: String
        var offset: String
        var purpose: String
        var segments: String
        var threshold: String
        var interval: String
        var retry: String
    }

    struct Content: Encodable, Sendable {
        var version: Int
        var rows: [Row]
    }

    let playbook: Playbook

    func show(_ request: Request) async throws -> Response {
        try request.require(.administer)
        let rows = playbook.rules.map { rule in
            let thresholds = (rule.thresholds ?? [:]).sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
            return Row(
                id: rule.id, trigger: rule.trigger.rawValue.replacing("_", with: " "),
                offset: rule.offsetDays == 0 ? "the same day" : "\(rule.offsetDays) day\(rule.offsetDays == 1 ? "" : "s") after",
                purpose: rule.purpose.rawValue.replacing("_", with: " "),
                segments: rule.segments.map { $0.map(\.rawValue).joined(separator: ", ") } ?? "all",
                threshold: ([rule.threshold.map { "\($0) (any currency)" }].compactMap { $0 } + thresholds).joined(separator: "; "),
                interval: rule.intervalDays.map { "every \($0) days" } ?? "once", retry: "\(rule.retryDays) days")
        }
        return try await request.page("playbook", title: "Playbook rules in force", Content(version: playbook.version, rows: rows))
    }
}
