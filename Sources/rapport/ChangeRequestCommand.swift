import ArgumentParser
import Foundation
import RapportCore
import RapportApp
import RapportImport

extension ChangeRequest.Kind: ExpressibleByArgument {}

/// `rapport change-request`: add-ons and cancellations routed to Billing, open until applied.
struct ChangeRequestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "change-request", abstract: "Add-ons and cancellations any department heard of, open until Billing applies them.",
        subcommands: [ChangeRequestAddCommand.self, ChangeRequestApplyCommand.self, ChangeRequestListCommand.self])
}

/// `rapport change-request add`.
struct ChangeRequestAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Record an add-on or cancellation (routed to Billing).")

    @Option(help: "The account.") var account: String
    @Option(help: "add_on or cancellation.") var kind: ChangeRequest.Kind
    @Option(help: "The service as it appears on invoice lines (\"Monitoring\").") var service: String
    @Option(help: ArgumentHelp("The day the change takes effect.", valueName: "YYYY-MM-DD"), transform: parseDay) var effective: Day
    @Option(name: .customLong("reported-by"), help: "The department that heard of it (often sales).") var reportedBy: Department
    @Option(help: "The location it concerns, if one.") var location: String?
    @Option(help: "Notes.") var description = ""
    @Option(help: ArgumentHelp("The day it was reported (default: today in RAPPORT_TIME_ZONE).", valueName: "YYYY-MM-DD"), transform: parseDay) var date: Day?
    @Option(help: "The id (default: the next R000001-style number).") var id: String?
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let change = try await database.withApp { app in
            try await app.changeRequests.add(.init(
                accountID: Account.ID(account), kind: kind, service: service, effectiveOn: effective, reportedBy: reportedBy,
                locationID: location.map { Location.ID($0) }, description: description, reportedOn: date, id: id))
        }
        print("recorded \(change.kind.rawValue) \(change.id) of \(change.service) from \(change.effectiveOn), routed to \(ChangeRequest.routedTo.rawValue)")
    }
}

/// `rapport change-request apply`: Billing has made the change.
struct ChangeRequestApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "apply", abstract: "Mark a change request applied by Billing.")

    @Argument(help: "The change request id.") var id: String
    @Option(help: ArgumentHelp("The day it was applied (default: today in RAPPORT_TIME_ZONE).", valueName: "YYYY-MM-DD"), transform: parseDay) var date: Day?
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let applied = try await database.withApp { app in try await app.changeRequests.apply(ChangeRequest.ID(id), on: date) }
        print("applied \(applied.id) on \(applied.appliedOn!)")
    }
}

/// `rapport change-request list`: the requests, and the lines billed after a cancellation.
struct ChangeRequestListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List change requests and the invoice lines billed for a cancelled service.")

    @Option(help: "Only this account.") var account: String?
    @Flag(help: "Only requests Billing has not applied.") var open = false
    @Option(help: "table, json or csv.") var format: ReportFormat = .table
    @OptionGroup var database: DatabaseOptions

    struct ChangeJSON: Encodable {
        let id, accountId, kind, service, effectiveOn, reportedBy, reportedOn, status: String
        let locationId, appliedOn: String?
    }

    struct FlagJSON: Encodable {
        let changeRequestId, invoiceId, issueDate, description, amount: String
        let line: Int
    }

    struct ListJSON: Encodable {
        let changeRequests: [ChangeJSON]
        let flaggedLines: [FlagJSON]
    }

    func run() async throws {
        let listing = try await database.withApp { app in try await app.changeRequests.list(account: account.map { Account.ID($0) }, openOnly: open) }
        let (changes, flags) = (listing.changeRequests, listing.flaggedLines)
        let rows = changes.map {
            ChangeJSON(id: $0.id.rawValue, accountId: $0.accountID.rawValue, kind: $0.kind.rawValue, service: $0.service,
                       effectiveOn: $0.effectiveOn.isoString, reportedBy: $0.reportedBy.rawValue, reportedOn: $0.reportedOn.isoString,
                       status: $0.isOpen ? "open" : "applied", locationId: $0.locationID?.rawValue, appliedOn: $0.appliedOn?.isoString)
        }
        let flagged = flags.map {
            FlagJSON(changeRequestId: $0.changeRequestID.rawValue, invoiceId: $0.invoiceID.rawValue, issueDate: $0.issueDate.isoString,
                     description: $0.description, amount: $0.amount.decimalString, line: $0.lineNumber)
        }
        switch format {
        case .json:
            print(try encodeReport(ListJSON(changeRequests: rows, flaggedLines: flagged)))
        case .csv:
            var writer = CSVWriter()
            writer.append(["id", "accountId", "kind", "service", "locationId", "effectiveOn", "reportedBy", "reportedOn", "status", "appliedOn", "flaggedLines"])
            for row in rows {
                writer.append([row.id, row.accountId, row.kind, row.service, row.locationId ?? "", row.effectiveOn, row.reportedBy,
                               row.reportedOn, row.status, row.appliedOn ?? "", String(flagged.filter { $0.changeRequestId == row.id }.count)])
            }
            print(writer.take(), terminator: "")
        case .table:
            print(rows.isEmpty ? "no change requests" : renderTable(
                ["id", "account", "kind", "service", "effective", "reported by", "status"],
                rows.map { [$0.id, $0.accountId, $0.kind, $0.service, $0.effectiveOn, $0.reportedBy, $0.status] }))
            if !flagged.isEmpty {
                print("\nLines billed after a cancellation")
                print(renderTable(["request", "invoice", "line", "issued", "description", "amount"], flagged.map {
                    [$0.changeRequestId, $0.invoiceId, String($0.line), $0.issueDate, $0.description, $0.amount]
                }))
            }
        }
    }
}
