import ArgumentParser
import Foundation
import RapportCore
import RapportApp

extension Case.Category: ExpressibleByArgument {}
extension Case.Status: ExpressibleByArgument {}
extension Department: ExpressibleByArgument {}
extension CaseResolution: ExpressibleByArgument {}

/// `rapport case`: open, route, resolve, close, reopen and list cases.
struct CaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case", abstract: "Customer problems that hold up payment, routed to the department that fixes them.",
        discussion: "Routing, SLAs, states and root causes: docs/workflow.md.",
        subcommands: [
            CaseOpenCommand.self, CaseRouteCommand.self, CaseResolveCommand.self, CaseCloseCommand.self,
            CaseReopenCommand.self, CaseListCommand.self,
        ])
}

/// Options shared by the commands that change one case.
struct CaseChangeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The day of the change (default: today in RAPPORT_TIME_ZONE).", valueName: "YYYY-MM-DD"), transform: parseDay)
    var date: Day?

    @Option(help: "table, json or csv.")
    var format: ReportFormat = .table

    @OptionGroup var database: DatabaseOptions

    /// Applies `change` to the case and prints it.
    func change(_ id: String, _ change: CaseUseCases.Change) async throws {
        let updated = try await database.withApp { app in try await app.cases.change(Case.ID(id), change, on: date) }
        print(try CaseText.render([updated], format: format))
    }
}

/// `rapport case open`: records a new case, routed and given its SLA by category.
struct CaseOpenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Open a case on an account.")

    @Option(help: "The account.") var account: String
    @Option(help: "incomplete_installation, billing_error, billing_detail_request, unrecorded_change, service_quality, hardship or dispute.")
    var category: Case.Category
    @Option(name: .customLong("invoice"), help: "An invoice the problem holds up (repeat for several).") var invoices: [String] = []
    @Option(help: ArgumentHelp("Amount on hold (default: what is open on the invoices).", valueName: "AMOUNT")) var amount: String?
    @Option(help: ArgumentHelp("Currency of --amount (default USD, or the invoices').", valueName: "CODE")) var currency: String?
    @Option(help: "The user who owns the case in its department.") var owner: String?
    @Option(help: "The job whose unfinished work the case is about.") var job: String?
    @Option(help: "What was found (at most 4,000 characters).") var notes: String = ""
    @Option(help: "The case id (default: the next C000001-style number).") var id: String?
    @OptionGroup var change: CaseChangeOptions

    func run() async throws {
        let item = try await change.database.withApp { app in
            try await app.cases.open(.init(
                accountID: Account.ID(account), category: category, invoiceIDs: invoices.map { Invoice.ID($0) }, amount: amount,
                currency: currency, owner: owner, jobID: job.map { Job.ID($0) }, notes: notes, on: change.date, id: id))
        }
        print(try CaseText.render([item], format: change.format))
    }
}

/// `rapport case route`: sends a case to a department (or an owner) and starts work on it.
struct CaseRouteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route", abstract: "Route a case to a department or owner; an open case moves to in_progress.")

    @Argument(help: "The case id.") var caseID: String
    @Option(help: "The department that owns the case now.") var department: Department?
    @Option(help: "The user who owns it.") var owner: String?
    @Flag(help: "The department is waiting on the customer (in_progress → waiting_on_customer).") var waiting = false
    @OptionGroup var change: CaseChangeOptions

    func run() async throws {
        try await change.change(caseID, .route(department: department, owner: owner, waiting: waiting))
    }
}

/// `rapport case resolve`: records the root cause and how the case was put right.
struct CaseResolveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "resolve", abstract: "Resolve a case with its root cause.")

    @Argument(help: "The case id.") var caseID: String
    @Option(name: .customLong("root-cause"), help: "A code from the root-cause taxonomy (docs/workflow.md).") var rootCause: String
    @Option(help: "credit_memo, rebill, work_completed, billing_frequency_change or explanation.") var resolution: CaseResolution
    @Option(name: .customLong("corrective-action"), help: "What will stop it happening again.") var correctiveAction: String?
    @OptionGroup var change: CaseChangeOptions

    func run() async throws {
        try await change.change(caseID, .resolve(rootCause: rootCause, resolution: resolution, correctiveAction: correctiveAction))
    }
}

/// `rapport case close`: closes a resolved case.
struct CaseCloseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "Close a resolved case.")

    @Argument(help: "The case id.") var caseID: String
    @OptionGroup var change: CaseChangeOptions

    func run() async throws {
        try await change.change(caseID, .close)
    }
}

/// `rapport case reopen`: puts a resolved or closed case back in progress.
struct CaseReopenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reopen", abstract: "Reopen a resolved or closed case.")

    @Argument(help: "The case id.") var caseID: String
    @OptionGroup var change: CaseChangeOptions

    func run() async throws {
        try await change.change(caseID, .reopen)
    }
}

/// `rapport case list`: the cases of a department, a status or an account.
struct CaseListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List cases, oldest first.")

    @Option(help: "Only this department's cases.") var department: Department?
    @Option(help: "Only cases in this status.") var status: Case.Status?
    @Option(help: "Only this account's cases.") var account: String?
    @Option(help: "table, json or csv.") var format: ReportFormat = .table
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let cases = try await database.withApp { app in
            try await app.cases.list(department: department, status: status, account: account.map { Account.ID($0) })
        }
        print(try CaseText.render(cases, format: format))
    }
}
