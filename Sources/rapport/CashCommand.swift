import ArgumentParser
import Foundation
import RapportApp
import RapportCore

/// `rapport cash …`: the bank details that wait for a person, and the person's decisions.
struct CashCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cash", abstract: "Review and decide the bank payments the matcher was not sure of.",
        subcommands: [CashExceptionsCommand.self, CashApplyCommand.self, CashRejectCommand.self])
}

/// `rapport cash exceptions`: what waits, with its candidates and evidence.
struct CashExceptionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "exceptions", abstract: "List the bank details waiting for a person.")

    @Option(help: "table or json.") var format: OutputFormat = .table
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let items = try await database.withApp { app in try await app.cash.exceptions() }
        switch format {
        case .json: print(try CashExceptionJSON.encode(items))
        case .table:
            print(renderTable(["detail", "booked", "amount", "payer", "customer", "why", "candidates"], items.map { item in
                [item.id, item.bookedOn?.isoString ?? "-", "\(item.detail.amount.groupedString) \(item.detail.amount.currency)",
                 item.detail.debtorName ?? "-", item.proposal?.accountID?.rawValue ?? "unknown",
                 item.proposal?.evidence.last ?? "-",
                 item.proposal?.candidates.map { $0.invoiceIDs.map(\.rawValue).joined(separator: "+") }.joined(separator: ", ") ?? ""]
            }))
        }
    }
}

/// `rapport cash apply DETAIL_ID --invoice ID…`: a person's decision.
struct CashApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "apply", abstract: "Apply a waiting bank detail to the invoices given.")

    @Argument(help: "The bank detail (BD…).") var detailID: String
    @Option(name: .customLong("invoice"), help: "An invoice it pays (repeat for several; oldest first).") var invoices: [String] = []
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        guard !invoices.isEmpty else { throw ValidationError("give at least one --invoice") }
        let item = try await database.withApp { app in try await app.cash.apply(detailID, invoices: invoices.map { Invoice.ID($0) }) }
        print("applied \(item.id): " + (item.proposal?.evidence.joined(separator: "; ") ?? ""))
    }
}

/// `rapport cash reject DETAIL_ID`: not to be applied.
struct CashRejectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reject", abstract: "Mark a waiting bank detail as not to be applied.")

    @Argument(help: "The bank detail (BD…).") var detailID: String
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let item = try await database.withApp { app in try await app.cash.reject(detailID) }
        print("rejected \(item.id)")
    }
}

/// The JSON of `rapport cash exceptions --format json` (CONTRACTS: detailId, amount, currency,
/// bookedOn, endToEndId, debtorName, reason, candidates).
enum CashExceptionJSON {
    struct Candidate: Encodable { var invoiceIds: [String]; var confidence: Int; var evidence: String }
    struct Item: Encodable {
        var detailId: String
        var amount: String
        var currency: String
        var bookedOn: String?
        var endToEndId: String?
        var debtorName: String?
        var accountId: String?
        var reason: String
        var evidence: [String]
        var candidates: [Candidate]

        func encode(to encoder: any Encoder) throws {
            enum Keys: String, CodingKey { case detailId, amount, currency, bookedOn, endToEndId, debtorName, accountId, reason, evidence, candidates }
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(detailId, forKey: .detailId)
            try container.encode(amount, forKey: .amount)
            try container.encode(currency, forKey: .currency)
            try container.encode(bookedOn, forKey: .bookedOn)
            try container.encode(endToEndId, forKey: .endToEndId)
            try container.encode(debtorName, forKey: .debtorName)
            try container.encode(accountId, forKey: .accountId)
            try container.encode(reason, forKey: .reason)
            try container.encode(evidence, forKey: .evidence)
            try container.encode(candidates, forKey: .candidates)
        }
    }

    static func encode(_ items: [CashItem]) throws -> String {
        let rows = items.map { item in
            Item(detailId: item.id, amount: item.detail.amount.decimalString, currency: item.detail.amount.currency.code,
                 bookedOn: item.bookedOn?.isoString, endToEndId: item.detail.endToEndID, debtorName: item.detail.debtorName,
                 accountId: item.proposal?.accountID?.rawValue, reason: item.proposal?.evidence.last ?? "not matched yet",
                 evidence: item.proposal?.evidence ?? [],
                 candidates: item.proposal?.candidates.map { Candidate(invoiceIds: $0.invoiceIDs.map(\.rawValue), confidence: $0.confidence, evidence: $0.evidence) } ?? [])
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(rows), as: UTF8.self)
    }
}
