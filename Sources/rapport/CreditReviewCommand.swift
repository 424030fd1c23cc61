import ArgumentParser
import Foundation
import RapportCore
import RapportApp

extension CreditReview.Decision: ExpressibleByArgument {}

/// `rapport credit-review`: credit checks of new contractors (references, industry credit group, decision).
struct CreditReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "credit-review", abstract: "Credit reviews of new contractors.",
        subcommands: [CreditReviewAddCommand.self, CreditReviewListCommand.self])
}

/// `rapport credit-review add`.
struct CreditReviewAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Record a credit review and its decision.")

    @Option(help: "The account.") var account: String
    @Option(help: "approved, declined or deposit_required.") var decision: CreditReview.Decision
    @Option(name: .customLong("reference"), help: "A trade reference checked (repeat for several).") var references: [String] = []
    @Option(name: .customLong("icg-note"), help: "What the industry credit group reported.") var note = ""
    @Option(help: ArgumentHelp("The credit limit granted.", valueName: "AMOUNT")) var limit: String?
    @Option(help: ArgumentHelp("Currency of --limit (default USD).", valueName: "CODE")) var currency = "USD"
    @Option(help: ArgumentHelp("The day of the review (default: today in RAPPORT_TIME_ZONE).", valueName: "YYYY-MM-DD"), transform: parseDay) var date: Day?
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let review = try await database.withApp { app in
            try await app.creditReviews.add(
                account: Account.ID(account), decision: decision, references: references, note: note, limit: limit, currency: currency, on: date)
        }
        print("recorded credit review \(review.id) of \(review.accountID): \(review.decision.rawValue)"
              + (review.creditLimit.map { ", limit \($0.groupedString) \($0.currency)" } ?? ""))
    }
}

/// `rapport credit-review list`.
struct CreditReviewListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List credit reviews, newest first.")

    @Option(help: "Only this account.") var account: String?
    @Option(help: "table or json.") var format: OutputFormat = .table
    @OptionGroup var database: DatabaseOptions

    struct ReviewJSON: Encodable {
        let id, accountId, reviewedOn, decision, industryCreditGroupNote: String
        let references: [String]
        let creditLimit, currency: String?
    }

    func run() async throws {
        let reviews = try await database.withApp { app in try await app.creditReviews.list(account: account.map { Account.ID($0) }) }
        switch format {
        case .json:
            print(try encodeReport(["creditReviews": reviews.map {
                ReviewJSON(id: $0.id.rawValue, accountId: $0.accountID.rawValue, reviewedOn: $0.reviewedOn.isoString,
                           decision: $0.decision.rawValue, industryCreditGroupNote: $0.industryCreditGroupNote, references: $0.references,
                           creditLimit: $0.creditLimit?.decimalString, currency: $0.creditLimit?.currency.code)
            }]))
        case .table:
            print(reviews.isEmpty ? "no credit reviews" : renderTable(["id", "account", "reviewed", "decision", "limit", "references"], reviews.map {
                [$0.id.rawValue, $0.accountID.rawValue, $0.reviewedOn.isoString, $0.decision.rawValue,
                 $0.creditLimit?.groupedString ?? "—", $0.references.joined(separator: "; ")]
            }))
        }
    }
}
