import ArgumentParser
import Foundation
import RapportCore
import RapportStore

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
    @Option(help: ArgumentHelp("The day of the change (default: today, UTC).", valueName: "YYYY-MM-DD"), transform: parseDay)
    var date: Day?

    @Option(help: "table, json or csv.")
    var format: ReportFormat = .table

    @OptionGroup var database: DatabaseOptions

    var day: Day { date ?? LedgerCommand.today() }

    /// Loads the case, applies `change`, saves and prints it.
    func change(_ id: String, _ change: (Case, Day) throws -> Case) async throws {
        let updated = try await database.withDatabase { db, _ in
            let repository = FluentCaseRepository(db)
            guard let item = try await repository.fetchCase(Case.ID(id)) else { throw UserError("unknown case \(id)") }
            let changed = try change(item, day)
            try await repository.updateCase(changed)
            return changed
        }
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
    @Option(help: "The case id (default: the next C000001-style number).") var id: String?
    @OptionGroup var change: CaseChangeOptions

    func run() async throws {
        let item = try await change.database.withDatabase { db, _ in
            _ = try await db.requireAccount(account)
            var stored: [Invoice] = []
            for invoice in invoices { stored.append(try await db.requireInvoice(invoice, of: account)) }
            let invoiceIDs = stored.map(\.id)
            let onHold = try await amountOnHold(invoiceIDs, stored: stored, db: db)
            let repository = FluentCaseRepository(db)
            let caseID = Case.ID(try await recordNumber(id, prefix: "C", count: repository.countCases))
            if try await repository.fetchCase(caseID) != nil { throw UserError("case \(caseID) already exists") }
            let item = CaseWorkflow.open(
                id: caseID, accountID: Account.ID(account), invoiceIDs: invoiceIDs, category: category,
                amountOnHold: onHold, on: change.day, owner: owner)
            try await repository.insertCase(item)
            return item
        }
        print(try CaseText.render([item], format: change.format))
    }

    private func amountOnHold(_ invoiceIDs: [Invoice.ID], stored: [Invoice], db: RapportDatabase) async throws -> Money {
        let code = try Currency(currency ?? stored.first?.currency.code ?? "USD")
        if let amount {
            let money = try Money.parse(amount, currency: code)
            guard !money.isNegative else { throw UserError("--amount must not be negative") }
            return money
        }
        let open = try await FluentLedgerQueries(db).openAmounts(of: invoiceIDs)
        return try Money.sum(invoiceIDs.compactMap { open[$0] }, currency: code)
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
        try await change.change(caseID) { item, day in
            var routed = item
            if let department { routed.department = department }
            if let owner { routed.owner = owner }
            if routed.status == .open || (routed.status == .waitingOnCustomer && !waiting) {
                routed = try CaseWorkflow.move(routed, to: .inProgress, on: day)
            }
            if waiting && routed.status != .waitingOnCustomer {
                routed = try CaseWorkflow.move(routed, to: .waitingOnCustomer, on: day)
            }
            return routed
        }
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
        try await change.change(caseID) { item, day in
            var resolved = try CaseWorkflow.move(item, to: .resolved, on: day, rootCause: rootCause, resolution: resolution)
            if let correctiveAction { resolved.correctiveAction = correctiveAction }
            return resolved
        }
    }
}

/// `rapport case close`: closes a resolved case.
struct CaseCloseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "Close a resolved case.")

    @Argument(help: "The case id.") var caseID: String
    @OptionGroup var change: CaseChangeOptions

    func run() async throws {
        try await change.change(caseID) { item, day in try CaseWorkflow.move(item, to: .closed, on: day) }
    }
}

/// `rapport case reopen`: puts a resolved or closed case back in progress.
struct CaseReopenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reopen", abstract: "Reopen a resolved or closed case.")

    @Argument(help: "The case id.") var caseID: String
    @OptionGroup var change: CaseChangeOptions

    func run() async throws {
        try await change.change(caseID) { item, day in try CaseWorkflow.move(item, to: .inProgress, on: day) }
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
        let cases = try await database.withDatabase { db, _ in
            try await FluentCaseRepository(db).fetchCases(
                department: department, status: status, account: account.map { Account.ID($0) })
        }
        print(try CaseText.render(cases, format: format))
    }
}
