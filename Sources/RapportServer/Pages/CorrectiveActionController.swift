import RapportApp
import RapportCore
import Vapor

/// `GET /corrective-actions[?window=DAYS]` (manager, admin): every action against a root cause and,
/// once implemented, its effect — the cases of that cause and their days to pay in equal windows
/// before and after (as `rapport corrective-action effect`).
struct CorrectiveActionController {
    let app: AppEnvironment

    struct Row: Encodable, Sendable {
        var id: String
        var rootCause: String
        var description: String
        var department: String
        var dueOn: String
        var implementedOn: String
        var casesBefore: String
        var casesAfter: String
        var rateBefore: String
        var rateAfter: String
        var daysToPayBefore: String
        var daysToPayAfter: String
    }

    struct Content: Encodable, Sendable {
        var window: Int
        var rows: [Row]
        var isEmpty: Bool
    }

    func list(_ request: Request) async throws -> Response {
        try request.require(.manage)
        let window = try Self.window(request.query[String.self, at: "window"])
        let actions = try await app.correctiveActions.list()
        let effects = Dictionary(uniqueKeysWithValues: try await app.correctiveActions.effects(window: window).map { ($0.action.id, $0) })
        let number = { (value: Double?) in value.map(formatTwoDecimals) ?? "—" }
        let rows = actions.map { action in
            let effect = effects[action.id]
            return Row(
                id: action.id.rawValue, rootCause: action.rootCause, description: action.description,
                department: action.ownerDepartment.rawValue.replacing("_", with: " "), dueOn: action.dueOn.isoString,
                implementedOn: action.implementedOn?.isoString ?? "not yet",
                casesBefore: effect.map { String($0.before.cases) } ?? "—", casesAfter: effect.map { String($0.after.cases) } ?? "—",
                rateBefore: number(effect?.before.ratePerThousand), rateAfter: number(effect?.after.ratePerThousand),
                daysToPayBefore: number(effect?.before.averageDaysToPay), daysToPayAfter: number(effect?.after.averageDaysToPay))
        }
        return try await request.page("corrective-actions", title: "Corrective actions", Content(window: window, rows: rows, isEmpty: rows.isEmpty))
    }

    /// The comparison window in days: 1 to 366, 90 when absent.
    static func window(_ text: String?) throws -> Int {
        guard let text, !text.isEmpty else { return 90 }
        guard let days = Int(text), (1...366).contains(days) else { throw InvalidField("window", "must be a whole number of days from 1 to 366") }
        return days
    }
}
