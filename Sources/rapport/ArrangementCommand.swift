import ArgumentParser
import Foundation
import RapportCore
import RapportApp
import RapportImport

/// `rapport arrangement`: balances paid in monthly installments, and whether the customer keeps up.
struct ArrangementCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "arrangement", abstract: "Payment arrangements: a balance in monthly installments.",
        subcommands: [ArrangementAddCommand.self, ArrangementListCommand.self])
}

/// `rapport arrangement add`.
struct ArrangementAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Agree a balance in equal monthly installments.")

    @Option(help: "The account.") var account: String
    @Option(help: ArgumentHelp("The amount to pay in installments.", valueName: "AMOUNT")) var total: String
    @Option(help: ArgumentHelp("Currency (default USD).", valueName: "CODE")) var currency = "USD"
    @Option(help: "Number of monthly installments.") var installments: Int
    @Option(help: ArgumentHelp("Due day of the first installment.", valueName: "YYYY-MM-DD"), transform: parseDay) var first: Day
    @Option(help: ArgumentHelp("The day it was agreed (default: today in RAPPORT_TIME_ZONE).", valueName: "YYYY-MM-DD"), transform: parseDay) var date: Day?
    @Option(name: .customLong("invoice"), help: "An invoice the arrangement pays off (repeat for several; default: every invoice open on the day agreed).")
    var invoices: [String] = []
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        do { try RequestRules.checkInstallments(installments) } catch { throw ValidationError("--\(error.field) \(error.reason)") }
    }

    func run() async throws {
        let arrangement = try await database.withApp { app in
            try await app.arrangements.add(
                account: Account.ID(account), total: total, currency: currency, installments: installments, first: first, agreedOn: date,
                invoices: invoices.isEmpty ? nil : invoices.map { Invoice.ID($0) })
        }
        let amount = Money(minorUnits: arrangement.installments.reduce(Int64(0)) { $0 + $1.amount.minorUnits },
                           currency: arrangement.installments[0].amount.currency)
        print("agreed \(arrangement.id): \(amount.groupedString) \(amount.currency) in \(installments) installments from \(first)")
    }
}

/// `rapport arrangement list`.
struct ArrangementListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Arrangements with what is paid, due and missed.")

    @Option(help: "Only this account.") var account: String?
    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day (default: today in RAPPORT_TIME_ZONE).", valueName: "YYYY-MM-DD"), transform: parseDay) var asOf: Day?
    @Option(help: "table or json.") var format: OutputFormat = .table
    @OptionGroup var database: DatabaseOptions

    struct ListJSON: Encodable {
        let asOf: String
        let arrangements: [ArrangementJSON]
    }

    struct ArrangementJSON: Encodable {
        let id, accountId, agreedOn, total, paid, due, state: String
        let installments, missed: Int
    }

    func run() async throws {
        let (day, standings) = try await database.withApp { app in
            let day = asOf ?? app.clock.today()
            return (day, try await app.arrangements.list(account: account.map { Account.ID($0) }, asOf: day))
        }
        let rows = standings.map { item -> ArrangementJSON in
            let (arrangement, standing) = (item.arrangement, item.standing)
            let total = arrangement.installments.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
            return ArrangementJSON(
                id: arrangement.id.rawValue, accountId: arrangement.accountID.rawValue, agreedOn: arrangement.agreedOn.isoString,
                total: Money(minorUnits: total, currency: standing.paid.currency).decimalString, paid: standing.paid.decimalString,
                due: standing.due.decimalString, state: standing.state.rawValue, installments: arrangement.installments.count,
                missed: standing.missed)
        }
        switch format {
        case .json: print(try encodeReport(ListJSON(asOf: day.isoString, arrangements: rows)))
        case .table:
            print(rows.isEmpty ? "no arrangements" : renderTable(["id", "account", "agreed", "total", "paid", "due", "missed", "state"], rows.map {
                [$0.id, $0.accountId, $0.agreedOn, $0.total, $0.paid, $0.due, String($0.missed), $0.state]
            }))
        }
    }
}
