import RapportCore

/// Reads SWIFT MT940 customer statements: a statement per `:20:` message, `:60F:`/`:60M:` and
/// `:62F:`/`:62M:` balances, one entry per `:61:` line with its `:86:` information — the German
/// `?20…` subfields (with `EREF+`, `SVWZ+` …) split into their parts. Also reads the dialects the
/// samples show: bank headers before the first tag, SWIFT `{4:…-}` blocks, `:NS:` blocks, and a
/// balance without its currency (read in the statement's, with a warning).
struct MT940Reader {
    private var warnings: [String] = []
    private var statements: [BankStatement] = []

    /// One tagged field: its tag ("61"), its text (continuation lines joined by "\n") and its line.
    private struct Field {
        var tag: String
        var value: String
        var line: Int
    }

    static func read(_ text: String) throws(BankSyntaxError) -> BankFile {
        var reader = MT940Reader()
        try reader.read(fields(text))
        guard !reader.statements.isEmpty else { throw BankSyntaxError(line: 1, reason: "no :20: statement in the file") }
        var file = BankFile(format: .mt940, statements: reader.statements)
        file.warnings = reader.warnings + BankFileChecks.warnings(file)
        return file
    }

    private static func fields(_ text: String) -> [Field] {
        var fields: [Field] = []
        var inBody = true
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Substring(raw.hasSuffix("\r") ? raw.dropLast() : raw)
            if line.hasPrefix("{1:") || line.hasPrefix("{2:") {
                // SWIFT blocks: only block 4 holds the statement.
                inBody = false
                if let body = line.firstRange(of: "{4:") { line = line[body.upperBound...]; inBody = true } else { continue }
            }
            if line == "-" || line == "-}" || line.hasPrefix("-}") { fields.append(Field(tag: "-", value: "", line: offset + 1)); continue }
            guard inBody else { continue }
            if let (tag, rest) = tag(line) {
                fields.append(Field(tag: tag, value: String(rest), line: offset + 1))
            } else if !fields.isEmpty, fields[fields.count - 1].tag != "-", !line.isEmpty {
                fields[fields.count - 1].value += "\n" + line
            }
        }
        return fields
    }

    /// ":61:" → ("61", rest), ":28C:" → ("28C", rest), ":NS:" → ("NS", rest).
    private static func tag(_ line: Substring) -> (String, Substring)? {
        guard line.hasPrefix(":"), let end = line.dropFirst().firstIndex(of: ":") else { return nil }
        let tag = line[line.index(after: line.startIndex)..<end]
        guard (2...3).contains(tag.count), tag.allSatisfy({ $0.isLetter || $0.isNumber }) else { return nil }
        return (String(tag), line[line.index(after: end)...])
    }

    private mutating func read(_ fields: [Field]) throws(BankSyntaxError) {
        var statement: BankStatement?
        var index = 0
        func close() {
            if let done = statement { statements.append(done) }
            statement = nil
        }
        while index < fields.count {
            let field = fields[index]
            index += 1
            switch field.tag {
            case "-": close()
            case "20":
                close()
                statement = BankStatement(account: "", currency: nil, id: field.value, location: "line \(field.line)")
            case "25": statement?.account = field.value.trimmingCharacters()
            case "28", "28C": if let value = Optional(field.value.trimmingCharacters()), !value.isEmpty { statement?.id = value }
            case "60F", "60M":
                guard statement != nil else { throw BankSyntaxError(line: field.line, reason: ":\(field.tag): before any :20:") }
                let balance = try self.balance(field, currency: statement?.currency)
                statement!.currency = statement!.currency ?? balance.amount.currency
                statement!.openingBalance = balance
                statement!.from = balance.on
            case "62F", "62M":
                guard statement != nil else { throw BankSyntaxError(line: field.line, reason: ":\(field.tag): before any :20:") }
                let balance = try self.balance(field, currency: statement?.currency)
                statement!.closingBalance = balance
                statement!.to = balance.on
            case "61":
                guard let currency = statement?.currency else {
                    throw BankSyntaxError(line: field.line, reason: ":61: before the opening balance (:60F:) that names the currency")
                }
                var information: Field?
                if index < fields.count, fields[index].tag == "86" { information = fields[index]; index += 1 }
                statement!.entries.append(try entry(field, information: information, currency: currency))
            default: continue // :64:, :65:, :86: of the statement, :NS: blocks: nothing to apply
            }
        }
        close()
    }

    /// ":60F:C110522EUR3236,28" — mark, YYMMDD, currency, amount with a decimal comma.
    private mutating func balance(_ field: Field, currency fallback: Currency?) throws(BankSyntaxError) -> BankBalance {
        let text = Array(field.value.trimmingCharacters().utf8)
        guard text.count >= 8, text[0] == UInt8(ascii: "C") || text[0] == UInt8(ascii: "D") else {
            throw BankSyntaxError(line: field.line, reason: ":\(field.tag): \"\(field.value)\" does not start with C or D and a date")
        }
        let day = BAI2Reader.day(String(decoding: text[1..<7], as: UTF8.self))
        var rest = text[7...]
        var currency: Currency
        if rest.count >= 3, rest.prefix(3).allSatisfy({ ($0 >= 65 && $0 <= 90) }) {
            let code = String(decoding: rest.prefix(3), as: UTF8.self)
            do { currency = try Currency(code) } catch { throw BankSyntaxError(line: field.line, reason: ":\(field.tag): \"\(code)\" is not a currency") }
            rest = rest.dropFirst(3)
        } else if let fallback {
            warnings.append("line \(field.line): :\(field.tag): names no currency; read in \(fallback) as the opening balance is")
            currency = fallback
        } else {
            throw BankSyntaxError(line: field.line, reason: ":\(field.tag): names no currency")
        }
        let amount = try Self.amount(String(decoding: rest, as: UTF8.self), currency: currency, field: field)
        return BankBalance(amount: Money(minorUnits: text[0] == UInt8(ascii: "C") ? amount : -amount, currency: currency), on: day)
    }

    /// ":61:" — value date, [entry date], mark, [funds code], amount, type, reference[//bank reference], [details].
    private mutating func entry(_ field: Field, information: Field?, currency: Currency) throws(BankSyntaxError) -> BankEntry {
        let lines = field.value.split(separator: "\n", omittingEmptySubsequences: false)
        let bytes = Array(lines[0].utf8)
        var position = 0
        func fail(_ reason: String) -> BankSyntaxError { BankSyntaxError(line: field.line, reason: ":61: \"\(lines[0])\": \(reason)") }
        func isDigit(_ at: Int) -> Bool { at < bytes.count && bytes[at] >= 48 && bytes[at] <= 57 }
        func isLetter(_ at: Int) -> Bool { at < bytes.count && bytes[at] >= 65 && bytes[at] <= 90 }
        guard (0..<6).allSatisfy(isDigit), let valueOn = BAI2Reader.day(String(decoding: bytes[0..<6], as: UTF8.self)) else {
            throw fail("no value date (YYMMDD)")
        }
        position = 6
        var bookedOn = valueOn
        if (6..<10).allSatisfy(isDigit) {
            let month = Int(String(decoding: bytes[6..<8], as: UTF8.self))!
            let day = Int(String(decoding: bytes[8..<10], as: UTF8.self))!
            // The entry date has no year: take the one that puts it nearest the value date.
            let candidates = [-1, 0, 1].compactMap { try? Day(year: valueOn.components.year + $0, month: month, day: day) }
            guard let nearest = candidates.min(by: { abs($0.daysSinceEpoch - valueOn.daysSinceEpoch) < abs($1.daysSinceEpoch - valueOn.daysSinceEpoch) }) else {
                throw fail("entry date \(month)-\(day) is not a date")
            }
            bookedOn = nearest
            position = 10
        }
        var mark = ""
        if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "R"), [UInt8(ascii: "C"), UInt8(ascii: "D")].contains(bytes[position + 1]) {
            mark = String(decoding: bytes[position...(position + 1)], as: UTF8.self)
            position += 2
        } else if position < bytes.count, [UInt8(ascii: "C"), UInt8(ascii: "D")].contains(bytes[position]) {
            mark = String(decoding: [bytes[position]], as: UTF8.self)
            position += 1
        } else {
            throw fail("no debit/credit mark (C, D, RC or RD)")
        }
        if isLetter(position) { position += 1 } // funds code: the third letter of the currency
        let amountStart = position
        while position < bytes.count, isDigit(position) || bytes[position] == UInt8(ascii: ",") { position += 1 }
        let magnitude = try Self.amount(String(decoding: bytes[amountStart..<position], as: UTF8.self), currency: currency, field: field)
        guard position + 4 <= bytes.count, [UInt8(ascii: "N"), UInt8(ascii: "S"), UInt8(ascii: "F")].contains(bytes[position]) else {
            throw fail("no transaction type (N, S or F and three characters) after the amount")
        }
        let type = String(decoding: bytes[position..<(position + 4)], as: UTF8.self)
        position += 4
        let references = String(decoding: bytes[position...], as: UTF8.self)
        let split = references.firstRange(of: "//")
        let ownerReference = String(split.map { references[..<$0.lowerBound] } ?? references[...]).trimmingCharacters()
        let bankReference = split.map { String(references[$0.upperBound...]).trimmingCharacters() } ?? ""
        let supplementary = lines.dropFirst().map { String($0).trimmingCharacters() }.filter { !$0.isEmpty }
        // C and RD put money in, D and RC take it out.
        let credit = mark == "C" || mark == "RD"
        var detail = BankDetail(amount: Money(minorUnits: credit ? magnitude : -magnitude, currency: currency))
        if !ownerReference.isEmpty, ownerReference != "NONREF" { detail.endToEndID = ownerReference }
        var narrative = supplementary
        if let information {
            let parsed = MT940Information(information.value)
            narrative += parsed.narrative
            detail.remittance = parsed.remittance
            detail.endToEndID = parsed.endToEndID ?? detail.endToEndID
            detail.debtorName = parsed.name
            detail.debtorAccount = parsed.account
        }
        return BankEntry(
            amount: detail.amount, bookedOn: bookedOn, valueOn: valueOn, status: .booked, reversal: mark.hasPrefix("R"),
            bankReference: bankReference.isEmpty ? nil : bankReference, transactionCode: type,
            narrative: narrative.isEmpty ? nil : narrative.joined(separator: " "), details: [detail], location: "line \(field.line)")
    }

    /// "3236,28" or "9," — a decimal comma, digits only.
    private static func amount(_ text: String, currency: Currency, field: Field) throws(BankSyntaxError) -> Int64 {
        do { return try BankAmount.decimal(text, currency: currency, separator: UInt8(ascii: ",")) } catch {
            throw BankSyntaxError(line: field.line, reason: ":\(field.tag): \"\(text)\" is not an amount in \(currency): \(error)")
        }
    }
}
