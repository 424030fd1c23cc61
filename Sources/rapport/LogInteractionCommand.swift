import ArgumentParser
import Foundation
import RapportCore
import RapportApp

extension Interaction.Channel: ExpressibleByArgument {}
extension Interaction.Purpose: ExpressibleByArgument {}
extension Interaction.Outcome: ExpressibleByArgument {}

/// `rapport log-interaction`: records a touch; one that reaches the customer closes the matching queue task.
struct LogInteractionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log-interaction", abstract: "Record a call, email, letter or visit with a customer.",
        discussion: "A touch with the task's purpose that reaches the customer closes it; no_answer and left_message bring it back after the rule's retry days.")

    @Option(help: "The account.") var account: String
    @Option(help: "call, email, letter or visit.") var channel: Interaction.Channel
    @Option(help: "check_in, early_contact, reminder, follow_up or key_account_visit.") var purpose: Interaction.Purpose
    @Option(help: "satisfied, issue_found, promise_to_pay, no_answer or left_message.") var outcome: Interaction.Outcome
    @Option(help: "Who made the touch.") var by: String
    @Option(help: "The invoice it was about, if any.") var invoice: String?
    @Option(help: "Notes.") var notes: String = ""
    @Option(help: "The job it was about (a check-in after an installation), of the account or its family.") var job: String?
    @Option(help: "The contact reached, of the account or its family.") var contact: String?
    @Option(name: .customLong("next-on"), help: ArgumentHelp("The day to contact the customer again.", valueName: "YYYY-MM-DD"), transform: parseDay)
    var nextOn: Day?
    @Option(help: "How satisfied the customer is, 1 to 5 (check-ins).") var satisfaction: Int?
    @Option(help: ArgumentHelp("The day (default: today in RAPPORT_TIME_ZONE).", valueName: "YYYY-MM-DD"), transform: parseDay) var date: Day?
    @Option(help: "The interaction id (default: the next T000001-style number).") var id: String?
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let touch = try await database.withApp { app in
            try await app.interactions.log(.init(
                accountID: Account.ID(account), invoiceID: invoice.map { Invoice.ID($0) }, channel: channel, purpose: purpose,
                outcome: outcome, by: by, notes: notes, jobID: job.map { Job.ID($0) }, contactID: contact.map { Contact.ID($0) },
                nextContactOn: nextOn, satisfaction: satisfaction, on: date, id: id))
        }
        print("logged \(touch.id): \(touch.channel.rawValue) \(touch.purpose.rawValue) → \(touch.outcome.rawValue) on \(touch.occurredOn)")
    }
}

/// `rapport playbook export`: writes the built-in rules as JSON, to copy and edit.
struct PlaybookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "playbook", abstract: "The rules that create queue tasks.", subcommands: [PlaybookExportCommand.self])
}

/// Prints the default playbook.
struct PlaybookExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Print the built-in playbook as JSON.")

    func run() async throws {
        print(try encodeReport(Playbook.standard))
    }
}
