import ArgumentParser
import Foundation
import RapportCore
import RapportApp
import RapportImport

/// `rapport promise`: record promises to pay and see which were kept.
struct PromiseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promise", abstract: "Promises to pay: record them, list them as pending, kept or broken.",
        subcommands: [PromiseAddCommand.self, PromiseListCommand.self])
}

/// `rapport promise add`: records a customer's promise to pay an amount by a day.
struct PromiseAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Record a promise to pay.")

    @Option(help: "The account.") var account: String
    @Option(help: ArgumentHelp("The amount promised.", valueName: "AMOUNT")) var amount: String
    @Option(help: ArgumentHelp("Currency (default USD).", valueName: "CODE")) var currency = "USD"
    @Option(name: .customLong("for"), help: ArgumentHelp("The day the money is promised for.", valueName: "YYYY-MM-DD"), transform: parseDay)
    var promisedFor: Day
    @Option(help: "The invoice it is for, if any.") var invoice: String?
    @Option(help: ArgumentHelp("The day the promise was made (default: today in RAPPORT_TIME_ZONE).", valueName: "YYYY-MM-DD"), transform: parseDay)
    var date: Day?
    @Option(help: "The promise id (default: the next P000001-style number).") var id: String?
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let promise = try await database.withApp { app in
            try await app.promises.add(
                account: Account.ID(account), amount: amount, currency: currency, promisedFor: promisedFor,
                invoice: invoice.map { Invoice.ID($0) }, madeOn: date, id: id)
        }
        print("recorded promise \(promise.id): \(promise.amount.groupedString) \(promise.amount.currency) for \(promise.promisedFor)")
    }
}

/// `rapport promise list`: every promise with its status on a day.
struct PromiseListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List promises as pending, kept or broken.")

    @Option(help: "Only this account's promises.") var account: String?
    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day (default: today in RAPPORT_TIME_ZONE).", valueName: "YYYY-MM-DD"), transform: parseDay)
    var asOf: Day?
    @Option(help: "table, json or csv.") var format: ReportFormat = .table
    @OptionGroup var database: DatabaseOptions

    /// One promise as JSON.
    struct PromiseJSON: Encodable {
        let promiseId, accountId: String
        let invoiceId: String?
        let amount, currency, madeOn, promisedFor, status: String
    }

    func run() async throws {
        let (day, standings) = try await database.withApp { app in
            let day = asOf ?? app.clock.today()
            return (day, try await app.promises.list(account: account.map { Account.ID($0) }, asOf: day))
        }
        let rows = standings.map { item in
            let promise = item.promise
            return PromiseJSON(
                promiseId: promise.id.rawValue, accountId: promise.accountID.rawValue, invoiceId: promise.invoiceID?.rawValue,
                amount: promise.amount.decimalString, currency: promise.amount.currency.code, madeOn: promise.madeOn.isoString,
                promisedFor: promise.promisedFor.isoString, status: item.status.rawValue)
        }
        switch format {
        case .json:
            print(try encodeReport(ListJSON(asOf: day.isoString, promises: rows)))
        case .csv, .table:
            let header = ["promiseId", "accountId", "invoiceId", "amount", "currency", "madeOn", "promisedFor", "status"]
            let table = rows.map { [$0.promiseId, $0.accountId, $0.invoiceId ?? "", $0.amount, $0.currency, $0.madeOn, $0.promisedFor, $0.status] }
            if format == .csv {
                var writer = CSVWriter()
                writer.append(header)
                for row in table { writer.append(row) }
                print(writer.take(), terminator: "")
            } else {
                print(table.isEmpty ? "no promises" : renderTable(header, table))
            }
        }
    }

    /// The list as JSON.
    struct ListJSON: Encodable {
        let asOf: String
        let promises: [PromiseJSON]
    }
}
