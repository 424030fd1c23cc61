import ArgumentParser
import Foundation
import RapportCore
import RapportApp

/// `rapport ledger ACCOUNT_ID`: the account's invoices with open balances as of a day.
struct LedgerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger", abstract: "Show an account's invoices and open balances as of a day.")

    @Argument(help: "The account id.")
    var accountID: String

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp("The day (YYYY-MM-DD); default: today in RAPPORT_TIME_ZONE.", valueName: "YYYY-MM-DD"),
        transform: { try Day(iso: $0) })
    var asOf: Day?

    @Option(help: "table or json.")
    var format: OutputFormat = .table

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let report = try await database.withApp { app in try await app.accounts.ledger(Account.ID(accountID), asOf: asOf) }
        switch format {
        case .json: print(try LedgerJSON(report).encoded())
        case .table: print(LedgerTable.render(report))
        }
    }
}

/// The ledger as printed for people.
enum LedgerTable {
    static func render(_ report: LedgerReport) -> String {
        var text = "Account \(report.accountID) as of \(report.asOf)\n"
        if report.invoices.isEmpty {
            text += "no invoices\n"
        } else {
            text += renderTable(
                ["invoice", "issued", "due", "currency", "total", "paid", "open", "days past due"],
                report.invoices.map {
                    [$0.invoiceID.rawValue, $0.issueDate.isoString, $0.dueDate.isoString, $0.total.currency.code,
                     $0.total.groupedString, $0.paid.groupedString, $0.open.groupedString, String($0.daysPastDue)]
                }) + "\n"
        }
        for credit in report.credits {
            text += "unapplied \(credit.source.kind) \(credit.source.rawID) (\(credit.day)): \(credit.unapplied.groupedString) \(credit.unapplied.currency)\n"
        }
        for (currency, balance) in report.balances.sorted(by: { $0.key < $1.key }) {
            text += "balance \(currency): \(balance.groupedString)\n"
        }
        return String(text.dropLast())
    }
}
