import Foundation
import RapportCore

/// A `CashProposal`, and a detail's references and remittance lines, as the JSON text kept in
/// `bank_details` (Store-only: Core's values stay free of coding).
struct CashProposalRecord: Codable {
    struct Allocation: Codable { var invoiceId: String; var minor: Int64; var currency: String }
    struct Candidate: Codable { var invoiceIds: [String]; var confidence: Int; var evidence: String }
    struct Reference: Codable { var type: String?; var value: String; var valid: Bool? }

    var rule: Int
    var accountId: String?
    var allocations: [Allocation]
    var writeOff: Allocation?
    var shortfall: Allocation?
    var unapplied: Allocation?
    var confidence: Int
    var evidence: [String]
    var automatic: Bool
    var candidates: [Candidate]

    init(_ proposal: CashProposal) {
        func record(_ allocation: CashProposal.Allocation) -> Allocation {
            Allocation(invoiceId: allocation.invoiceID.rawValue, minor: allocation.amount.minorUnits, currency: allocation.amount.currency.code)
        }
        rule = proposal.rule.rawValue
        accountId = proposal.accountID?.rawValue
        allocations = proposal.allocations.map(record)
        writeOff = proposal.writeOff.map(record)
        shortfall = proposal.shortfall.map(record)
        unapplied = proposal.unapplied.map { Allocation(invoiceId: "", minor: $0.minorUnits, currency: $0.currency.code) }
        confidence = proposal.confidence
        evidence = proposal.evidence
        automatic = proposal.automatic
        candidates = proposal.candidates.map { Candidate(invoiceIds: $0.invoiceIDs.map(\.rawValue), confidence: $0.confidence, evidence: $0.evidence) }
    }

    func toDomain() throws -> CashProposal {
        func domain(_ allocation: Allocation) throws -> CashProposal.Allocation {
            CashProposal.Allocation(invoiceID: Invoice.ID(allocation.invoiceId), amount: Money(minorUnits: allocation.minor, currency: try Currency(allocation.currency)))
        }
        guard let rule = CashProposal.Rule(rawValue: rule) else { throw CorruptRecord(table: "bank_details", id: "", reason: "rule \(self.rule)") }
        let allocations = try self.allocations.map(domain)
        let writeOff = try self.writeOff.map(domain)
        let shortfall = try self.shortfall.map(domain)
        var unapplied: Money?
        if let excess = self.unapplied { unapplied = Money(minorUnits: excess.minor, currency: try Currency(excess.currency)) }
        let candidates = self.candidates.map {
            CashProposal.Candidate(invoiceIDs: $0.invoiceIds.map { Invoice.ID($0) }, confidence: $0.confidence, evidence: $0.evidence)
        }
        return CashProposal(
            rule: rule, accountID: accountId.map { Account.ID($0) }, allocations: allocations, writeOff: writeOff, shortfall: shortfall,
            unapplied: unapplied, confidence: confidence, evidence: evidence, automatic: automatic, candidates: candidates)
    }

    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
