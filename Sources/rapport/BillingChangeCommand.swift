import ArgumentParser
import Foundation
import RapportCore
import RapportImport
import RapportStore

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
    @Option(help: ArgumentHelp("The day it was recorded (default: today, UTC).", valueName: "YYYY-MM-DD"), transform: parseDay) var date: Day?
    @Option(help: "The id (default: the next B000001-style number).") var id: String?
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let (change, invoices) = try await database.withDatabase { db, _ in
            let customer = try await db.requireAccount(account)
            guard customer.billingFrequency == .annual else {
                throw UserError("account \(account) is billed \(customer.billingFrequency.rawValue), not annually")
            }
            let annual = try await db.requireInvoice(invoice, of: account)
            let recorded = date ?? LedgerCommand.today()
            let ledger = try await FluentLedgerQueries(db).ledgerReport(for: customer.id, asOf: max(recorded, effective))
            let open = ledger?.invoices.first { $0.invoiceID == annual.id }?.open ?? .zero(annual.currency)
            let plan: BillingFrequencyChange
            do {
                plan = try BillingFrequencyChange.annualToMonthly(open: open, yearStart: yearStart ?? annual.issueDate, effective: effective)
            } catch BillingFrequencyChange.Problem.nothingOpen {
                throw UserError("invoice \(invoice) has nothing open to re-bill")
            } catch BillingFrequencyChange.Problem.outsideBillingYear(let effective, let start, let end) {
                throw UserError("--effective \(effective) is outside the billing year \(start) – \(end.adding(days: -1)) of invoice \(invoice)")
            }
            let repository = FluentBillingChangeRepository(db)
            let number = BillingChange.ID(try await recordNumber(id, prefix: "B", count: repository.countBillingChanges))
            let records = plan.records(id: number, account: customer, annual: annual, effective: effective, recordedOn: recorded)
            try await repository.applyBillingChange(records.change, creditMemo: records.creditMemo, invoices: records.invoices)
            return (records.change, records.invoices)
        }
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
        let changes = try await database.withDatabase { db, _ in
            try await FluentBillingChangeRepository(db).fetchBillingChanges(from: nil, to: nil)
        }.filter { change in account.map { change.accountID.rawValue == $0 } ?? true }
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
