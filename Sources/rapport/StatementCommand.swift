import ArgumentParser
import Foundation
import RapportCore
import RapportApp
import RapportImport

/// `rapport statement`: an account's (and its child accounts') open invoices as of a day, with the
/// lines grouped by location.
struct StatementCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "statement", abstract: "Open invoices of an account and its child accounts, lines grouped by location.")

    @Argument(help: "The account id (a parent includes its child accounts).") var accountID: String
    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day (default: today in RAPPORT_TIME_ZONE).", valueName: "YYYY-MM-DD"), transform: parseDay)
    var asOf: Day?
    @Option(help: "table, json or csv.") var format: ReportFormat = .table
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let statement = try await database.withApp { app in try await app.accounts.statement(Account.ID(accountID), asOf: asOf) }
        print(try StatementText.render(statement, format: format))
    }
}

/// A statement as JSON, CSV (one row per line) or text.
enum StatementText {
    struct LineJSON: Encodable { let invoiceId, issueDate, description, amount: String }
    struct SectionJSON: Encodable { let accountId: String; let locationId: String?; let name: String; let billed: [String: String]; let lines: [LineJSON] }
    struct InvoiceJSON: Encodable { let invoiceId, accountId, issueDate, dueDate, currency, total, open: String; let daysPastDue: Int }
    struct StatementJSON: Encodable { let accountId, asOf: String; let totalOpen: [String: String]; let invoices: [InvoiceJSON]; let locations: [SectionJSON] }

    static func render(_ statement: AccountStatement, format: ReportFormat) throws -> String {
        func money(_ totals: [Currency: Money], grouped: Bool) -> [String: String] {
            Dictionary(uniqueKeysWithValues: totals.map { ($0.key.code, grouped ? $0.value.groupedString : $0.value.decimalString) })
        }
        switch format {
        case .json:
            return try encodeReport(StatementJSON(
                accountId: statement.accountID.rawValue, asOf: statement.asOf.isoString, totalOpen: money(statement.totalOpen, grouped: false),
                invoices: statement.invoices.map {
                    InvoiceJSON(invoiceId: $0.invoiceID.rawValue, accountId: $0.accountID.rawValue, issueDate: $0.issueDate.isoString,
                                dueDate: $0.dueDate.isoString, currency: $0.total.currency.code, total: $0.total.decimalString,
                                open: $0.open.decimalString, daysPastDue: $0.daysPastDue)
                },
                locations: statement.sections.map { section in
                    SectionJSON(accountId: section.accountID.rawValue, locationId: section.locationID?.rawValue, name: section.name,
                                billed: money(section.billed, grouped: false), lines: section.lines.map {
                                    LineJSON(invoiceId: $0.invoiceID.rawValue, issueDate: $0.issueDate.isoString,
                                             description: $0.description, amount: $0.amount.decimalString)
                                })
                }))
        case .csv:
            var writer = CSVWriter()
            writer.append(["account_id", "location_id", "location", "invoice_id", "issue_date", "description", "amount", "currency"])
            for section in statement.sections {
                for line in section.lines {
                    writer.append([section.accountID.rawValue, section.locationID?.rawValue ?? "", section.name, line.invoiceID.rawValue,
                                   line.issueDate.isoString, line.description, line.amount.decimalString, line.amount.currency.code])
                }
            }
            return String(writer.take().dropLast())
        case .table:
            var text = "Statement for \(statement.accountID) as of \(statement.asOf)\n"
            for section in statement.sections {
                text += "\n\(section.name) (\(section.accountID))\n"
                text += renderTable(["invoice", "issued", "description", "amount"], section.lines.map {
                    [$0.invoiceID.rawValue, $0.issueDate.isoString, $0.description, $0.amount.groupedString]
                }) + "\n"
                for (code, total) in money(section.billed, grouped: true).sorted(by: { $0.key < $1.key }) {
                    text += "billed \(code): \(total)\n"
                }
            }
            text += "\nOpen invoices\n" + renderTable(["invoice", "account", "due", "total", "open", "days past due"], statement.invoices.map {
                [$0.invoiceID.rawValue, $0.accountID.rawValue, $0.dueDate.isoString, $0.total.groupedString, $0.open.groupedString, String($0.daysPastDue)]
            })
            for (code, total) in money(statement.totalOpen, grouped: true).sorted(by: { $0.key < $1.key }) {
                text += "\ntotal open \(code): \(total)"
            }
            return text
        }
    }
}
