import Foundation
import RapportCore

/// The JSON of `rapport bank read --format json`: money as signed decimal strings in major units
/// (credits positive), balances `{"amount", "currency"}` or null, absent values null.
struct BankFileJSON: Encodable {
    let file: BankFile

    init(_ file: BankFile) { self.file = file }

    private enum Keys: String, CodingKey {
        case format, messageId, statements, warnings
        case account, currency, id, openingBalance, closingBalance, from, to, entries
        case amount, on, bookedOn, valueOn, status, reversal, bankReference, transactionCode, narrative, details
        case endToEndId, creditorReferences, remittance, debtorName, debtorAccount, returnReason
        case type, value, valid
    }

    func encode(to encoder: any Encoder) throws {
        var root = encoder.container(keyedBy: Keys.self)
        try root.encode(file.format.rawValue, forKey: .format)
        try root.encode(file.messageID, forKey: .messageId)
        var statements = root.nestedUnkeyedContainer(forKey: .statements)
        for statement in file.statements {
            var container = statements.nestedContainer(keyedBy: Keys.self)
            try container.encode(statement.account, forKey: .account)
            try container.encode(statement.currency?.code, forKey: .currency)
            try container.encode(statement.id, forKey: .id)
            try Self.balance(statement.openingBalance, in: &container, forKey: .openingBalance)
            try Self.balance(statement.closingBalance, in: &container, forKey: .closingBalance)
            try container.encode(statement.from?.isoString, forKey: .from)
            try container.encode(statement.to?.isoString, forKey: .to)
            var entries = container.nestedUnkeyedContainer(forKey: .entries)
            for entry in statement.entries { try Self.entry(entry, in: &entries) }
        }
        try root.encode(file.warnings, forKey: .warnings)
    }

    private static func balance(_ balance: BankBalance?, in container: inout KeyedEncodingContainer<Keys>, forKey key: Keys) throws {
        guard let balance else { return try container.encodeNil(forKey: key) }
        var nested = container.nestedContainer(keyedBy: Keys.self, forKey: key)
        try nested.encode(balance.amount.decimalString, forKey: .amount)
        try nested.encode(balance.amount.currency.code, forKey: .currency)
        try nested.encode(balance.on?.isoString, forKey: .on)
    }

    private static func entry(_ entry: BankEntry, in entries: inout any UnkeyedEncodingContainer) throws {
        var container = entries.nestedContainer(keyedBy: Keys.self)
        try container.encode(entry.amount.decimalString, forKey: .amount)
        try container.encode(entry.amount.currency.code, forKey: .currency)
        try container.encode(entry.bookedOn?.isoString, forKey: .bookedOn)
        try container.encode(entry.valueOn?.isoString, forKey: .valueOn)
        try container.encode(entry.status.rawValue, forKey: .status)
        try container.encode(entry.reversal, forKey: .reversal)
        try container.encode(entry.bankReference, forKey: .bankReference)
        try container.encode(entry.transactionCode, forKey: .transactionCode)
        try container.encode(entry.narrative, forKey: .narrative)
        var details = container.nestedUnkeyedContainer(forKey: .details)
        for detail in entry.details {
            var nested = details.nestedContainer(keyedBy: Keys.self)
            try nested.encode(detail.amount.decimalString, forKey: .amount)
            try nested.encode(detail.amount.currency.code, forKey: .currency)
            try nested.encode(detail.endToEndID, forKey: .endToEndId)
            var references = nested.nestedUnkeyedContainer(forKey: .creditorReferences)
            for reference in detail.creditorReferences {
                var item = references.nestedContainer(keyedBy: Keys.self)
                try item.encode(reference.type, forKey: .type)
                try item.encode(reference.value, forKey: .value)
                try item.encode(reference.valid, forKey: .valid)
            }
            try nested.encode(detail.remittance, forKey: .remittance)
            try nested.encode(detail.debtorName, forKey: .debtorName)
            try nested.encode(detail.debtorAccount, forKey: .debtorAccount)
            try nested.encode(detail.returnReason, forKey: .returnReason)
        }
    }

    func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}

/// The table of `rapport bank read`: one line per statement, then its totals and the warnings.
enum BankFileText {
    static func render(_ file: BankFile) -> String {
        var rows: [[String]] = []
        for statement in file.statements {
            var credits: [Currency: Int64] = [:]
            var debits: [Currency: Int64] = [:]
            for entry in statement.entries {
                if entry.amount.minorUnits >= 0 { credits[entry.amount.currency, default: 0] += entry.amount.minorUnits }
                else { debits[entry.amount.currency, default: 0] += entry.amount.minorUnits }
            }
            func sums(_ totals: [Currency: Int64]) -> String {
                totals.sorted { $0.key < $1.key }.map { Money(minorUnits: $0.value, currency: $0.key).groupedString + " " + $0.key.code }
                    .joined(separator: ", ")
            }
            func balance(_ value: BankBalance?) -> String {
                value.map { $0.amount.groupedString + " " + $0.amount.currency.code } ?? "-"
            }
            rows.append([
                statement.account, statement.id ?? "-", statement.currency?.code ?? "-", balance(statement.openingBalance),
                balance(statement.closingBalance), String(statement.entries.count),
                String(statement.entries.reduce(0) { $0 + $1.details.count }), sums(credits), sums(debits),
            ])
        }
        var text = "format: \(file.format.rawValue)\n"
        text += renderTable(["account", "statement", "currency", "opening", "closing", "entries", "details", "credits", "debits"], rows)
        if !file.warnings.isEmpty { text += "\n\nwarnings:\n" + file.warnings.map { "  " + $0 }.joined(separator: "\n") }
        return text
    }
}
