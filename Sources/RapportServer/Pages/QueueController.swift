import RapportApp
import RapportCore
import Vapor

/// `GET /queue[?specialist=NAME&date=YYYY-MM-DD&page=N]`: the day's tasks, overdue then due today.
struct QueueController {
    static let pageSize = 50
    let app: AppEnvironment

    struct Row: Encodable, Sendable {
        var accountID: String
        var accountHref: String
        var task: String
        var reason: String
        var atStake: String
        var risk: String
        var factors: String
        var dueOn: String
        var invoiceID: String?
        var lastTouch: String
        var logHref: String
    }

    struct Content: Encodable, Sendable {
        var specialist: String
        var specialists: [Choice]
        var mayPick: Bool
        var date: String
        var total: Int
        var overdue: [Row]
        var dueToday: [Row]
        var page: Int
        var nextHref: String?
        var previousHref: String?
        var first: Int
        var last: Int
        var hasTasks: Bool
        var hasOverdue: Bool
        var hasDueToday: Bool
        var overdueCount: Int
        var dueTodayCount: Int
    }

    struct Choice: Encodable, Sendable {
        var value: String
        var selected: Bool
    }

    func show(_ request: Request) async throws -> Response {
        let signedIn = try request.require(.ownQueue)
        let mayPick = signedIn.user.role.allows(.anyQueue)
        let asked = request.query[String.self, at: "specialist"].flatMap { $0.isEmpty ? nil : $0 }
        let specialists = mayPick ? try await app.queue.specialists() : []
        let specialist: String
        if let asked {
            guard mayPick || asked == signedIn.user.id.rawValue else {
                throw WebError.forbidden("A specialist sees only her own queue.")
            }
            specialist = asked
        } else if signedIn.user.role == .specialist {
            specialist = signedIn.user.id.rawValue
        } else if let first = specialists.first {
            specialist = first
        } else {
            throw WebError.notFound("No accounts are assigned to any specialist yet.")
        }
        let day = try Self.day(request.query[String.self, at: "date"], field: "date") ?? app.clock.today()
        let page = max(1, request.query[Int.self, at: "page"] ?? 1)
        let tasks: [QueueTask]
        do {
            tasks = try await app.queue.tasks(specialist: specialist, on: day)
        } catch AppError.notFound {
            tasks = []
        }
        let start = (page - 1) * Self.pageSize
        let shown = start < tasks.count ? Array(tasks[start..<min(tasks.count, start + Self.pageSize)]) : []
        let touches = try await app.queue.lastTouches(Array(Set(shown.map(\.accountID))), through: day)
        let rows = shown.map { task in Self.row(task, lastTouch: touches[task.accountID], day: day) }
        func link(_ page: Int) -> String {
            "/queue?" + Self.query(["specialist": specialist, "date": day.isoString, "page": String(page)])
        }
        let overdue = zip(shown, rows).filter { $0.0.dueOn < day }.map(\.1)
        let dueToday = zip(shown, rows).filter { $0.0.dueOn >= day }.map(\.1)
        let content = Content(
            specialist: specialist, specialists: specialists.map { Choice(value: $0, selected: $0 == specialist) }, mayPick: mayPick,
            date: day.isoString, total: tasks.count, overdue: overdue, dueToday: dueToday,
            page: page, nextHref: start + Self.pageSize < tasks.count ? link(page + 1) : nil,
            previousHref: page > 1 ? link(page - 1) : nil, first: shown.isEmpty ? 0 : start + 1, last: start + shown.count,
            hasTasks: !tasks.isEmpty, hasOverdue: !overdue.isEmpty, hasDueToday: !dueToday.isEmpty, overdueCount: overdue.count,
            dueTodayCount: dueToday.count)
        return try await request.page("queue", title: "Queue of \(specialist) for \(day.isoString)", content)
    }

    static func row(_ task: QueueTask, lastTouch: Interaction?, day: Day) -> Row {
        var log = ["purpose": task.purpose.rawValue]
        if let invoice = task.invoiceID { log["invoice_id"] = invoice.rawValue }
        if let job = task.jobID { log["job_id"] = job.rawValue }
        return Row(
            accountID: task.accountID.rawValue, accountHref: "/accounts/\(Self.escapePath(task.accountID.rawValue))",
            task: task.rule.replacing("_", with: " ").replacing("-", with: " "), reason: task.reason,
            atStake: "\(task.atStake.groupedString) \(task.atStake.currency.code)",
            risk: "\(Int((task.risk * 100).rounded())) %", factors: task.factors.prefix(3).joined(separator: "; "),
            dueOn: task.dueOn.isoString, invoiceID: task.invoiceID?.rawValue,
            lastTouch: lastTouch.map { "\($0.occurredOn.isoString) \($0.channel.rawValue): \($0.outcome.rawValue.replacing("_", with: " "))" } ?? "none",
            logHref: "/accounts/\(Self.escapePath(task.accountID.rawValue))?" + query(log) + "#log-touch")
    }

    /// A day from a query or form field, nil when absent; a malformed one is a 422 naming the field.
    static func day(_ text: String?, field: String) throws -> Day? {
        guard let text, !text.isEmpty else { return nil }
        guard let day = try? Day(iso: text) else { throw InvalidField(field, "must be a date as YYYY-MM-DD") }
        return day
    }

    static func query(_ items: [String: String]) -> String {
        var components = URLComponents()
        components.queryItems = items.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        return components.percentEncodedQuery ?? ""
    }

    static func escapePath(_ segment: String) -> String {
        segment.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? segment
    }
}
