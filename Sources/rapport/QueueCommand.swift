import ArgumentParser
import Foundation
import RapportCore
import RapportApp
import RapportImport

/// `rapport queue`: a specialist's tasks for a day, highest priority first.
struct QueueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue", abstract: "A specialist's tasks for a day, highest priority first, each with its reason.",
        discussion: "Rules: docs/workflow.md (the playbook); --playbook replaces the default rules with a JSON file.")

    @Option(help: "The specialist (as in accounts.csv).") var specialist: String
    @Option(help: ArgumentHelp("The day (default: today in RAPPORT_TIME_ZONE).", valueName: "YYYY-MM-DD"), transform: parseDay) var date: Day?
    @Option(help: ArgumentHelp("A playbook JSON file (default: the built-in rules; see rapport playbook export).", valueName: "FILE"))
    var playbook: String?
    @Option(help: "table, json or csv.") var format: ReportFormat = .table
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let rules = try PlaybookFile.load(playbook)
        let (day, tasks) = try await database.withApp { app in
            let day = date ?? app.clock.today()
            return (day, try await app.queue.tasks(specialist: specialist, on: day, playbook: rules))
        }
        print(try QueueText.render(tasks, specialist: specialist, day: day, format: format))
    }
}

/// Reads a playbook JSON file, or gives the built-in one.
enum PlaybookFile {
    static func load(_ path: String?) throws -> Playbook {
        guard let path else { return .standard }
        guard let data = FileManager.default.contents(atPath: path) else { throw UserError("\(path): cannot read the playbook") }
        do {
            return try JSONDecoder().decode(Playbook.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            throw UserError("\(path): not a playbook: \(context.debugDescription)")
        } catch let DecodingError.keyNotFound(key, context) {
            throw UserError("\(path): \(context.codingPath.map(\.stringValue).joined(separator: ".")): missing \"\(key.stringValue)\"")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw UserError("\(path): \(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)")
        }
    }
}

/// Queue tasks as JSON (the CLI contract), CSV or a table.
enum QueueText {
    struct TaskJSON: Encodable {
        let task: QueueTask

        enum Keys: String, CodingKey {
            case rule, reason, accountId, invoiceId, jobId, caseId, atStake, currency, risk, priority, dueOn, purpose, attempts, factors
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(task.rule, forKey: .rule)
            try container.encode(task.reason, forKey: .reason)
            try container.encode(task.accountID.rawValue, forKey: .accountId)
            try container.encodeIfPresent(task.invoiceID?.rawValue, forKey: .invoiceId)
            try container.encodeIfPresent(task.jobID?.rawValue, forKey: .jobId)
            try container.encodeIfPresent(task.caseID?.rawValue, forKey: .caseId)
            try container.encode(task.atStake.decimalString, forKey: .atStake)
            try container.encode(task.atStake.currency.code, forKey: .currency)
            try container.encode(task.risk, forKey: .risk)
            try container.encode(task.priority, forKey: .priority)
            try container.encode(task.dueOn.isoString, forKey: .dueOn)
            try container.encode(task.purpose.rawValue, forKey: .purpose)
            try container.encode(task.attempts, forKey: .attempts)
            if !task.factors.isEmpty { try container.encode(task.factors, forKey: .factors) }
        }
    }

    struct QueueJSON: Encodable {
        let date: String
        let specialist: String
        let tasks: [TaskJSON]
    }

    static let columns = ["rule", "reason", "accountId", "invoiceId", "jobId", "caseId", "atStake", "risk", "priority", "dueOn", "purpose", "attempts"]

    static func fields(_ task: QueueTask, rounded: Bool) -> [String] {
        [
            task.rule, task.reason, task.accountID.rawValue, task.invoiceID?.rawValue ?? "", task.jobID?.rawValue ?? "",
            task.caseID?.rawValue ?? "", rounded ? task.atStake.groupedString : task.atStake.decimalString,
            rounded ? formatTwoDecimals(task.risk) : String(task.risk),
            rounded ? formatTwoDecimals(task.priority) : String(task.priority), task.dueOn.isoString, task.purpose.rawValue,
            String(task.attempts),
        ]
    }

    static func render(_ tasks: [QueueTask], specialist: String, day: Day, format: ReportFormat) throws -> String {
        switch format {
        case .json:
            return try encodeReport(QueueJSON(date: day.isoString, specialist: specialist, tasks: tasks.map(TaskJSON.init)))
        case .csv:
            var writer = CSVWriter()
            writer.append(columns)
            for task in tasks { writer.append(fields(task, rounded: false)) }
            return String(writer.take().dropLast())
        case .table:
            let header = "Queue for \(specialist) on \(day): \(tasks.count) task\(tasks.count == 1 ? "" : "s")"
            guard !tasks.isEmpty else { return header }
            return header + "\n" + renderTable(
                ["priority", "account", "rule", "at stake", "risk", "reason"],
                tasks.map { task in
                    let all = fields(task, rounded: true)
                    return [all[8], all[2], all[0], all[6], all[7], all[1]]
                })
        }
    }
}
