import RapportCore

/// Reads OFX and QFX: 1.x (SGML: a `KEY:VALUE` header, leaf elements without end tags, the header
/// quirks banks send — a leading blank line, no blank line before `<OFX>`, cp1252) and 2.x (XML).
/// One statement per `STMTRS` (bank) or `CCSTMTRS` (card); one entry per `STMTTRN`; the ledger
/// balance is the closing balance (OFX states no opening one).
struct OFXReader {
    private var warnings: [String] = []

    static func read(_ bytes: [UInt8]) throws(BankSyntaxError) -> BankFile {
        let head = BankText.decode(Array(bytes.prefix(1024)), windows1252: true)
        let declared1252 = head.contains("CHARSET:1252") || head.uppercased().contains("WINDOWS-1252")
        let text = BankText.decode(bytes, windows1252: declared1252)
        guard let start = text.firstRange(of: "<OFX>") ?? text.firstRange(of: "<ofx>") else {
            throw BankSyntaxError(line: 1, reason: "no <OFX> element")
        }
        let line = text[..<start.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        let root = try OFXTree.parse(text[start.lowerBound...], firstLine: line)
        var reader = OFXReader()
        var statements: [BankStatement] = []
        for node in root.all(named: ["STMTRS", "CCSTMTRS"]) { statements.append(try reader.statement(node)) }
        guard !statements.isEmpty else { throw BankSyntaxError(line: line, reason: "no bank (STMTRS) or card (CCSTMTRS) statement in the file") }
        var file = BankFile(format: .ofx, statements: statements)
        file.warnings = reader.warnings + BankFileChecks.warnings(file)
        return file
    }

    private mutating func statement(_ node: OFXTree.Node) throws(BankSyntaxError) -> BankStatement {
        guard let code = node.value("CURDEF") else { throw BankSyntaxError(line: node.line, reason: "\(node.name) has no CURDEF currency") }
        let currency = try Self.currency(code, line: node.line)
        let account = node.value("BANKACCTFROM/ACCTID") ?? node.value("CCACCTFROM/ACCTID") ?? ""
        if account.isEmpty { warnings.append("line \(node.line): \(node.name) names no account (ACCTID)") }
        var closing: BankBalance?
        if let amount = node.value("LEDGERBAL/BALAMT") {
            closing = BankBalance(amount: try Self.amount(amount, currency: currency, line: node.line), on: Self.day(node.value("LEDGERBAL/DTASOF")))
        }
        var entries: [BankEntry] = []
        for transaction in node.child("BANKTRANLIST")?.children.filter({ $0.name == "STMTTRN" }) ?? [] {
            entries.append(try entry(transaction, currency: currency))
        }
        return BankStatement(
            account: account, currency: currency, id: nil, openingBalance: nil, closingBalance: closing,
            from: Self.day(node.value("BANKTRANLIST/DTSTART")), to: Self.day(node.value("BANKTRANLIST/DTEND")),
            entries: entries, location: "line \(node.line)")
    }

    private mutating func entry(_ node: OFXTree.Node, currency statementCurrency: Currency) throws(BankSyntaxError) -> BankEntry {
        var currency = statementCurrency
        if let code = node.value("CURRENCY/CURSYM") { currency = try Self.currency(code, line: node.line) }
        guard let amountText = node.value("TRNAMT") else { throw BankSyntaxError(line: node.line, reason: "STMTTRN has no TRNAMT") }
        let amount = try Self.amount(amountText, currency: currency, line: node.line)
        guard let posted = Self.day(node.value("DTPOSTED")) else {
            throw BankSyntaxError(line: node.line, reason: "STMTTRN has no DTPOSTED date (YYYYMMDD…)")
        }
        let name = node.value("NAME") ?? node.value("PAYEE/NAME")
        let memo = node.value("MEMO")
        if node.value("FITID") == nil { warnings.append("line \(node.line): STMTTRN has no FITID; it cannot be recognised when sent again") }
        let detail = BankDetail(amount: amount, endToEndID: nil, remittance: memo.map { [$0] } ?? [], debtorName: name)
        let narrative = [node.value("TRNTYPE"), name, memo, node.value("CHECKNUM").map { "check \($0)" }].compactMap { $0 }
        return BankEntry(
            amount: amount, bookedOn: posted, valueOn: Self.day(node.value("DTAVAIL")) ?? posted, status: .booked,
            reversal: node.value("CORRECTACTION") == "DELETE", bankReference: node.value("FITID"),
            transactionCode: node.value("TRNTYPE"), narrative: narrative.joined(separator: " "), details: [detail],
            location: "line \(node.line)")
    }

    /// "-316.67", "+12", and "12,50" from banks that write a decimal comma.
    private static func amount(_ text: String, currency: Currency, line: Int) throws(BankSyntaxError) -> Money {
        var body = Substring(text)
        var negative = false
        if body.hasPrefix("-") { negative = true; body = body.dropFirst() } else if body.hasPrefix("+") { body = body.dropFirst() }
        let separator = body.contains(".") || !body.contains(",") ? UInt8(ascii: ".") : UInt8(ascii: ",")
        do {
            let value = try BankAmount.decimal(String(body), currency: currency, separator: separator)
            return Money(minorUnits: negative ? -value : value, currency: currency)
        } catch {
            throw BankSyntaxError(line: line, reason: "\"\(text)\" is not an amount in \(currency): \(error)")
        }
    }

    private static func currency(_ code: String, line: Int) throws(BankSyntaxError) -> Currency {
        do { return try Currency(code) } catch { throw BankSyntaxError(line: line, reason: "\"\(code)\" is not a currency code") }
    }

    /// The day of an OFX date-time ("20090401122017.000[-5:EST]"): its first eight digits.
    static func day(_ text: String?) -> Day? {
        guard let text, text.utf8.count >= 8 else { return nil }
        let digits = text.prefix(8)
        guard digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let year = Int(digits.prefix(4)),
              let month = Int(digits.dropFirst(4).prefix(2)), let day = Int(digits.suffix(2)) else { return nil }
        return try? Day(year: year, month: month, day: day)
    }
}
