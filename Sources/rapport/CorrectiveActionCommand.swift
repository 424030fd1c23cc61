import ArgumentParser
import Foundation
import RapportCore
import RapportImport
import RapportApp

/// `rapport corrective-action`: changes made against a root cause, and whether they worked.
struct CorrectiveActionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corrective-action", abstract: "Corrective actions against root causes, and their effect.",
        subcommands: [CorrectiveActionAddCommand.self, CorrectiveActionImplementCommand.self, CorrectiveActionEffectCommand.self])
}

/// `rapport corrective-action add`.
struct CorrectiveActionAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Record a corrective action for a root cause.")

    @Option(name: .customLong("root-cause"), help: "The root-cause code it addresses (docs/workflow.md).") var rootCause: String
    @Option(help: "What will change.") var description: String
    @Option(help: "The department that owns the change.") var department: Department
    @Option(help: ArgumentHelp("When it is due.", valueName: "YYYY-MM-DD"), transform: parseDay) var due: Day
    @Option(help: "The id (default: the next K000001-style number).") var id: String?
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let action = try await database.withApp { app in
            try await app.correctiveActions.add(rootCause: rootCause, description: description, department: department, due: due, id: id)
        }
        print("recorded corrective action \(action.id) against \(action.rootCause), owned by \(action.ownerDepartment.rawValue), due \(action.dueOn)")
    }
}

/// `rapport corrective-action implement`.
struct CorrectiveActionImplementCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "implement", abstract: "Record the day a corrective action was put in place.")

    @Argument(help: "The corrective action id.") var id: String
    @Option(help: ArgumentHelp("The day (default: today in RAPPORT_TIME_ZONE).", valueName: "YYYY-MM-DD"), transform: parseDay) var date: Day?
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let action = try await database.withApp { app in try await app.correctiveActions.implement(CorrectiveAction.ID(id), on: date) }
        print("implemented \(id) on \(action.implementedOn!)")
    }
}

/// `rapport corrective-action effect`: before vs after, for every implemented action.
struct CorrectiveActionEffectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "effect", abstract: "Root-cause rate and days to pay before vs after each implemented action.")

    @Option(help: "Days in each window before and after the implementation day.") var window = 90
    @Option(help: "table, json or csv.") var format: ReportFormat = .table
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if window < 1 { throw ValidationError("--window must be at least 1 day") }
    }

    struct WindowJSON: Encodable {
        let from, to: String
        let invoicesIssued, cases: Int
        let ratePerThousand, averageDaysToPay: Double?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(from, forKey: .from)
            try container.encode(to, forKey: .to)
            try container.encode(invoicesIssued, forKey: .invoicesIssued)
            try container.encode(cases, forKey: .cases)
            try container.encode(ratePerThousand, forKey: .ratePerThousand)
            try container.encode(averageDaysToPay, forKey: .averageDaysToPay)
        }

        enum CodingKeys: String, CodingKey { case from, to, invoicesIssued, cases, ratePerThousand, averageDaysToPay }

        init(_ window: CorrectiveActionEffect.Window) {
            from = window.period.from.isoString
            to = window.period.to.isoString
            invoicesIssued = window.invoicesIssued
            cases = window.cases
            ratePerThousand = window.ratePerThousand
            averageDaysToPay = window.averageDaysToPay
        }
    }

    struct EffectJSON: Encodable {
        let id, rootCause, description, department, implementedOn: String
        let before, after: WindowJSON
    }

    func run() async throws {
        let effects = try await database.withApp { app in try await app.correctiveActions.effects(window: window) }
        switch format {
        case .json:
            print(try encodeReport(["correctiveActions": effects.map {
                EffectJSON(id: $0.action.id.rawValue, rootCause: $0.action.rootCause, description: $0.action.description,
                           department: $0.action.ownerDepartment.rawValue, implementedOn: $0.action.implementedOn!.isoString,
                           before: WindowJSON($0.before), after: WindowJSON($0.after))
            }]))
        case .csv, .table:
            let header = ["id", "rootCause", "implementedOn", "casesBefore", "casesAfter", "rateBefore", "rateAfter", "daysToPayBefore", "daysToPayAfter"]
            let number = { (value: Double?) in value.map { format == .csv ? String($0) : formatTwoDecimals($0) } ?? (format == .csv ? "" : "—") }
            let rows = effects.map {
                [$0.action.id.rawValue, $0.action.rootCause, $0.action.implementedOn!.isoString, String($0.before.cases), String($0.after.cases),
                 number($0.before.ratePerThousand), number($0.after.ratePerThousand), number($0.before.averageDaysToPay), number($0.after.averageDaysToPay)]
            }
            if format == .csv {
                var writer = CSVWriter()
                writer.append(header)
                for row in rows { writer.append(row) }
                print(writer.take(), terminator: "")
            } else {
                print(rows.isEmpty ? "no implemented corrective actions" : renderTable(header, rows))
            }
        }
    }
}
