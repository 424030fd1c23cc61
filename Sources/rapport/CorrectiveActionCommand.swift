import ArgumentParser
import Foundation
import RapportCore
import RapportImport
import RapportStore

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
        guard RootCauseTaxonomy.standard.cause(rootCause) != nil else { throw UserError("unknown root cause \(rootCause)") }
        let action = try await database.withDatabase { db, _ in
            let repository = FluentCorrectiveActionRepository(db)
            let number = try await recordNumber(id, prefix: "K", count: repository.countCorrectiveActions)
            if try await repository.fetchCorrectiveAction(CorrectiveAction.ID(number)) != nil { throw UserError("corrective action \(number) already exists") }
            let action = CorrectiveAction(id: CorrectiveAction.ID(number), rootCause: rootCause, description: description,
                                          ownerDepartment: department, dueOn: due)
            try await repository.insertCorrectiveAction(action)
            return action
        }
        print("recorded corrective action \(action.id) against \(action.rootCause), owned by \(action.ownerDepartment.rawValue), due \(action.dueOn)")
    }
}

/// `rapport corrective-action implement`.
struct CorrectiveActionImplementCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "implement", abstract: "Record the day a corrective action was put in place.")

    @Argument(help: "The corrective action id.") var id: String
    @Option(help: ArgumentHelp("The day (default: today, UTC).", valueName: "YYYY-MM-DD"), transform: parseDay) var date: Day?
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let day = date ?? LedgerCommand.today()
        try await database.withDatabase { db, _ in
            let repository = FluentCorrectiveActionRepository(db)
            guard var action = try await repository.fetchCorrectiveAction(CorrectiveAction.ID(id)) else {
                throw UserError("unknown corrective action \(id)")
            }
            action.implementedOn = day
            try await repository.updateCorrectiveAction(action)
        }
        print("implemented \(id) on \(day)")
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
        let effects = try await database.withDatabase { db, _ in
            let repository = FluentCorrectiveActionRepository(db)
            let actions = try await repository.fetchCorrectiveActions().filter { $0.implementedOn != nil }
            let cases = try await FluentCaseRepository(db).fetchCases(department: nil, status: nil, account: nil)
            let held = try await repository.fetchHeldInvoices(Array(Set(cases.flatMap(\.invoiceIDs))))
            var effects: [CorrectiveActionEffect] = []
            for action in actions {
                let (before, after) = CorrectiveActionEffect.windows(implementedOn: action.implementedOn!, days: window)
                let counts = [before: try await repository.countInvoices(issuedIn: before),
                              after: try await repository.countInvoices(issuedIn: after)]
                if let effect = CorrectiveActionEffect(action: action, cases: cases, held: held, days: window,
                                                       invoicesIssued: { counts[$0] ?? 0 }) {
                    effects.append(effect)
                }
            }
            return effects
        }
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
