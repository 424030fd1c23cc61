import ArgumentParser
import Foundation
import RapportCore
import RapportImport
import RapportApp

/// `rapport billing-change`: move an account that cannot pay an annual bill to monthly billing.
struct BillingChangeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "billing-change", abstract: "Move an account from annual to monthly billing instead of disconnecting it.",
        subcommands: [BillingChangeAddCommand.self, BillingChangeListCommand.self])
}

/// `rapport billing-change add`.
struct BillingChangeAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Credit what is open on an annual invoice and re-bill it monthly, prorated by days.")

    @Option(help: "The account (billed annually).") var account: String
    @Option(help: "The annual invoice to re-bill.") var invoice: String
    @Option(help: ArgumentHelp("The day monthly billing starts.", valueName: "YYYY-MM-DD"), transform: parseDay) var effective: Day
    @Option(name: .customLong("year-start"), help: ArgumentHelp("First day of the billing year the invoice covers (default: its issue day).",
                                                                   valueName: "YYYY-MM-DD"), transform: parseDay) var yearStart: Day?
    @Option(help: ArgumentHelp("The day it was recorded (default: today in RAPPORT_TIME_ZONE).", valueName: "YYYY-MM-DD"), transform: parseDay) var date: Day?
    @Option(help: "The id (default: the next B000001-style number).") var id: String?
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let applied = try await database.withApp { app in
            try await app.billingChanges.annualToMonthly(
                account: Account.ID(account), invoice: Invoice.ID(invoice), effective: effective, yearStart: yearStart, recordedOn: date, id: id)
        }
        let (change, invoices) = (applied.change, applied.invoices)
        print("""
            moved \(change.accountID) to monthly billing: \(change.amount.groupedString) \(change.amount.currency) open on \(change.invoiceID) \
            credited (\(change.creditMemoID)) and re-billed in \(invoices.count) monthly invoice\(invoices.count == 1 ? "" : "s") \
            from \(change.effectiveOn) (\(invoices.first?.id.rawValue ?? "") … \(invoices.last?.id.rawValue ?? ""))
            """)
    }
}

/// `rapport billing-change list`.
struct BillingChangeListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Billing-frequency changes and their monthly invoices.")

    @Option(help: "Only this account.") var account: String?
    @Option(help: "table or json.") var format: OutputFormat = .table
    @OptionGroup var database: DatabaseOptions

    struct ChangeJSON: Encodable {
        let id, accountId, invoiceId, effectiveOn, recordedOn, amount, currency, creditMemoId: String
        let invoices: [String]
    }

    func run() async throws {
        let changes = try await database.withApp { app in try await app.billingChanges.list(account: account.map { Account.ID($0) }) }
        let rows = changes.map {
            ChangeJSON(id: $0.id.rawValue, accountId: $0.accountID.rawValue, invoiceId: $0.invoiceID.rawValue,
                       effectiveOn: $0.effectiveOn.isoString, recordedOn: $0.recordedOn.isoString, amount: $0.amount.decimalString,
                       currency: $0.amount.currency.code, creditMemoId: $0.creditMemoID.rawValue, invoices: $0.invoiceIDs.map(\.rawValue))
        }
        switch format {
        case .json:
            print(try encodeReport(["billingChanges": rows]))
        case .table:
            print(rows.isEmpty ? "no billing-frequency changes" : renderTable(
                ["id", "account", "annual invoice", "effective", "re-billed", "monthly invoices"],
                rows.map { [$0.id, $0.accountId, $0.invoiceId, $0.effectiveOn, "\($0.amount) \($0.currency)", String($0.invoices.count)] }))
        }
    }
}
