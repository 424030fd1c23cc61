import RapportCore
import Vapor

/// The filters of a report page, read from its query string: each malformed value is a 422 that
/// names the field; each absent one takes the report's default. Also builds the filter form's fields.
struct ReportQuery {
    /// One field of the filter form, as the view draws it.
    struct Field: Encodable, Sendable {
        struct Option: Encodable, Sendable {
            var value: String
            var label: String
            var selected: Bool
        }

        var label: String
        var name: String
        /// `date`, `text` or `select`.
        var type: String
        var value: String
        var options: [Option]
        var isSelect: Bool
    }

    private let request: Request
    private let today: Day

    init(_ request: Request, today: Day) {
        self.request = request
        self.today = today
    }

    /// A non-empty text parameter, trimmed.
    func text(_ name: String) -> String? {
        guard let value = request.query[String.self, at: name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    /// A day parameter; nil when absent.
    func day(_ name: String) throws -> Day? { try QueueController.day(text(name), field: name) }

    /// `from` … `to`; by default the last `defaultMonths` whole calendar months before today's month.
    func period(defaultMonths: Int) throws -> Period {
        let lastMonthEnd = today.monthStart.adding(days: -1)
        let to = try day("to") ?? lastMonthEnd
        let from = try day("from") ?? to.monthStart.adding(months: -(defaultMonths - 1))
        guard from <= to else { throw InvalidField("from", "must not be after to (\(to))") }
        return try Period(from: from, to: to)
    }

    /// `basis`: due (default) or invoice.
    func basis() throws -> AgingBasis {
        guard let text = text("basis") else { return .due }
        guard let basis = AgingBasis(rawValue: text) else {
            throw InvalidField("basis", "must be one of \(AgingBasis.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return basis
    }

    /// `by`: one of `allowed`, or nil for no breakdown.
    func grouping(_ allowed: [MetricsGrouping]) throws -> MetricsGrouping? {
        guard let text = text("by") else { return nil }
        guard let grouping = MetricsGrouping(rawValue: text), allowed.contains(grouping) else {
            throw InvalidField("by", "must be one of \(allowed.map(\.rawValue).joined(separator: ", ")) (or empty)")
        }
        return grouping
    }

    /// `currency`: an ISO 4217 code, nil for the report's default.
    func currency() throws -> Currency? {
        guard let text = text("currency") else { return nil }
        do { return try Currency(text.uppercased()) } catch { throw InvalidField("currency", "must be a three-letter ISO 4217 code") }
    }

    func dateField(_ name: String, _ label: String, _ value: Day) -> Field {
        Field(label: label, name: name, type: "date", value: value.isoString, options: [], isSelect: false)
    }

    func textField(_ name: String, _ label: String, _ value: String) -> Field {
        Field(label: label, name: name, type: "text", value: value, options: [], isSelect: false)
    }

    /// A select of `choices` (value, label) in their order.
    func selectField(_ name: String, _ label: String, _ choices: [(String, String)], _ value: String) -> Field {
        Field(label: label, name: name, type: "select", value: value, options: choices.map {
            Field.Option(value: $0.0, label: $0.1, selected: $0.0 == value)
        }, isSelect: true)
    }

    func basisField(_ basis: AgingBasis) -> Field {
        selectField("basis", "Aged by", [("due", "days past due"), ("collection", "days past collection start")], basis.rawValue)
    }

    /// The `by` select for `groupings`, with "nothing" first.
    func groupingField(_ groupings: [MetricsGrouping], _ value: MetricsGrouping?) -> Field {
        selectField("by", "Break down by", [("", "nothing")] + groupings.map { ($0.rawValue, $0.rawValue) }, value?.rawValue ?? "")
    }
}
