import RapportCore

/// Reads BAI2 (BAI Cash Management Balance Reporting Specifications, version 2): one statement
/// per `03` account record, its `16` details as entries, `88` continuations joined (fields after
/// an `03`, text lines after a `16`), implied decimals by currency, and the `49`/`98`/`99` control
/// totals checked — a wrong trailer is a warning, not a refusal.
struct BAI2Reader {
    private var warnings: [String] = []
    private var statements: [BankStatement] = []
    private var fileID: String?

    /// One `03` account being read, with its control total so far.
    private struct Account {
        var statement: BankStatement
        var total: Int64 = 0
        var records = 1
    }

    /// One `02` group being read.
    private struct Group {
        var asOf: Day?
        var currency: Currency?
        var total: Int64 = 0
        var accounts = 0
        var records = 1
        var line: Int
    }

    static func read(_ text: String) throws(BankSyntaxError) -> BankFile {
        var reader = BAI2Reader()
        try reader.read(BAI2Record.split(text))
        var file = BankFile(format: .bai2, messageID: reader.fileID, statements: reader.statements)
        file.warnings = reader.warnings + BankFileChecks.warnings(file)
        return file
    }

    private mutating func read(_ records: [BAI2Record]) throws(BankSyntaxError) {
        var group: Group?
        var account: Account?
        var fileTotal: Int64 = 0
        var fileGroups = 0
        var fileRecords = 0
        var index = 0
        guard records.first?.code == "01" else {
            throw BankSyntaxError(line: records.first?.line ?? 1, reason: "a BAI2 file starts with an 01 file header record")
        }
        while index < records.count {
            var record = records[index]
            index += 1
            fileRecords += 1
            // Continuations: an 03 continues field by field, a 16 with text lines.
            var continuations: [BAI2Record] = []
            while index < records.count, records[index].code == "88" {
                continuations.append(records[index])
                index += 1
            }
            fileRecords += continuations.count
            switch record.code {
            case "01":
                let fields = record.fields
                fileID = fields.count > 4 && !fields[4].isEmpty ? fields[4] : nil
            case "02":
                let fields = record.fields
                group = Group(
                    asOf: fields.count > 3 ? Self.day(fields[3]) : nil,
                    currency: fields.count > 5 && !fields[5].isEmpty ? try Self.currency(fields[5], line: record.line) : nil,
                    line: record.line)
            case "03":
                guard let current = group else { throw BankSyntaxError(line: record.line, reason: "an 03 account record outside a group (02)") }
                for continuation in continuations { record.body += "," + continuation.body }
                account = try self.account(record, group: current, continuations: continuations.count)
            case "16":
                guard let currency = account?.statement.currency, let currentGroup = group else {
                    throw BankSyntaxError(line: record.line, reason: "a 16 transaction record outside an account (03)")
                }
                let read = try self.entry(record, continuations: continuations, currency: currency, asOf: currentGroup.asOf)
                // Mutated in place: a copy of the account would copy its entries on every append.
                if let entry = read.entry { account!.statement.entries.append(entry) }
                account!.total += read.amount
                account!.records += 1 + continuations.count
            case "49":
                guard let current = account, var currentGroup = group else { throw BankSyntaxError(line: record.line, reason: "a 49 trailer without an account") }
                let fields = record.fields
                check("account \(current.statement.account) trailer (49)", line: record.line, total: fields.first, expectedTotal: current.total,
                      count: fields.count > 1 ? fields[1] : nil, expectedCount: current.records + 1 + continuations.count)
                statements.append(current.statement)
                currentGroup.total += current.total
                currentGroup.accounts += 1
                currentGroup.records += current.records + 1 + continuations.count
                group = currentGroup
                account = nil
            case "98":
                guard let current = group else { throw BankSyntaxError(line: record.line, reason: "a 98 trailer without a group") }
                if let open = account { statements.append(open.statement); warnings.append("line \(record.line): account \(open.statement.account) has no 49 trailer") }
                account = nil
                let fields = record.fields
                check("group trailer (98)", line: record.line, total: fields.first, expectedTotal: current.total,
                      count: fields.count > 2 ? fields[2] : nil, expectedCount: current.records + 1 + continuations.count)
                if fields.count > 1, let accounts = Int(fields[1]), accounts != current.accounts {
                    warnings.append("line \(record.line): the group trailer (98) counts \(accounts) accounts, the group has \(current.accounts)")
                }
                fileTotal += current.total
                fileGroups += 1
                group = nil
            case "99":
                let fields = record.fields
                check("file trailer (99)", line: record.line, total: fields.first, expectedTotal: fileTotal,
                      count: fields.count > 2 ? fields[2] : nil, expectedCount: fileRecords)
                if fields.count > 1, let groups = Int(fields[1]), groups != fileGroups {
                    warnings.append("line \(record.line): the file trailer (99) counts \(groups) groups, the file has \(fileGroups)")
                }
            case "88":
                warnings.append("line \(record.line): an 88 continuation with nothing to continue; ignored")
            default:
                throw BankSyntaxError(line: record.line, reason: "not a BAI2 record (expected 01, 02, 03, 16, 49, 88, 98 or 99)")
            }
        }
        if let open = account { statements.append(open.statement); warnings.append("account \(open.statement.account) has no 49 trailer") }
        if records.last?.code != "99" { warnings.append("the file ends without a 99 file trailer") }
    }

    /// An 03 record: account, currency, then (type, amount, item count, funds type…) groups.
    private mutating func account(_ record: BAI2Record, group: Group, continuations: Int) throws(BankSyntaxError) -> Account {
        let fields = record.fields
        guard let number = fields.first, !number.isEmpty else { throw BankSyntaxError(line: record.line, reason: "the 03 record has no account number") }
        var currency = fields.count > 1 && !fields[1].isEmpty ? try Self.currency(fields[1], line: record.line) : group.currency
        if currency == nil {
            warnings.append("line \(record.line): account \(number) names no currency, nor does its group; USD assumed (the BAI2 default)")
            currency = .usd
        }
        var statement = BankStatement(account: number, currency: currency, from: group.asOf, to: group.asOf, location: "line \(record.line)")
        var total: Int64 = 0
        var position = 2
        while position < fields.count {
            let type = fields[position]
            position += 1
            if type.isEmpty { continue }
            guard position < fields.count else { break }
            let amountText = fields[position]
            position += 1
            position += 1 // item count
            let fundsType = position < fields.count ? fields[position] : ""
            position += 1
            position += Self.fundsFieldCount(fundsType, fields: fields, at: position)
            guard !amountText.isEmpty else { continue }
            let amount: Int64
            do { amount = try BankAmount.implied(amountText) } catch {
                throw BankSyntaxError(line: record.line, reason: "type \(type): amount \"\(amountText)\" is not an amount")
            }
            total += amount
            let money = Money(minorUnits: amount, currency: currency!)
            switch type {
            case "010": statement.openingBalance = BankBalance(amount: money, on: group.asOf)
            case "015": statement.closingBalance = BankBalance(amount: money, on: group.asOf)
            default: break
            }
        }
        return Account(statement: statement, total: total, records: 1 + continuations)
    }

    /// A 16 record: type, amount, funds type (…), bank reference, customer reference, text.
    private mutating func entry(
        _ record: BAI2Record, continuations: [BAI2Record], currency: Currency, asOf: Day?
    ) throws(BankSyntaxError) -> (entry: BankEntry?, amount: Int64) {
        var body = record.body
        var fields = record.fields
        // Fields other than text may not be split, but a record may end before its text: 88s then carry fields.
        var remaining = continuations[...]
        func fixedCount(_ fields: [String]) -> Int? {
            guard fields.count >= 3 else { return nil }
            let extra = Self.fundsFieldCount(fields[2], fields: fields, at: 3)
            return 3 + extra + 2 <= fields.count ? 3 + extra + 2 : nil
        }
        while fixedCount(fields) == nil, let next = remaining.first {
            body += "," + next.body
            fields = body.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            remaining = remaining.dropFirst()
        }
        guard fields.count >= 2 else { throw BankSyntaxError(line: record.line, reason: "the 16 record has no amount") }
        let type = fields[0]
        guard let code = Int(type) else { throw BankSyntaxError(line: record.line, reason: "type code \"\(type)\" is not a number") }
        let magnitude: Int64
        do { magnitude = try BankAmount.implied(fields[1]) } catch {
            throw BankSyntaxError(line: record.line, reason: "amount \"\(fields[1])\" is not an amount")
        }
        let credit: Bool
        switch code {
        case 100...399: credit = true
        case 400...699: credit = false
        default:
            warnings.append("line \(record.line): type code \(type) is neither a credit (100–399) nor a debit (400–699); not read as an entry")
            return (nil, magnitude)
        }
        let fundsType = fields.count > 2 ? fields[2] : ""
        var valueOn = asOf
        if fundsType == "V", fields.count > 3, let day = Self.day(fields[3]) { valueOn = day }
        let position = 3 + Self.fundsFieldCount(fundsType, fields: fields, at: 3)
        let bankReference = position < fields.count ? fields[position] : ""
        let customerReference = position + 1 < fields.count ? fields[position + 1] : ""
        let text = position + 2 < fields.count ? fields[(position + 2)...].joined(separator: ",") : ""
        var lines = ([text] + record.carried).filter { !$0.isEmpty }
        for continuation in remaining { lines += ([continuation.body] + continuation.carried).filter { !$0.isEmpty } }
        var detail = BankDetail(amount: Money(minorUnits: credit ? magnitude : -magnitude, currency: currency))
        for line in lines {
            switch Self.tag(line) {
            case ("EREF", let value)?: detail.endToEndID = value.isEmpty ? detail.endToEndID : value
            case ("DBNM", let value)?: detail.debtorName = value.isEmpty ? nil : value
            case ("DACT", let value)?: detail.debtorAccount = value.isEmpty ? nil : value
            case ("REMI", let value)?: if !value.isEmpty { detail.remittance.append(value) }
            case (let tag, _)? where Self.partyTags.contains(tag): continue
            default: detail.remittance.append(line)
            }
        }
        if detail.endToEndID == nil, !customerReference.isEmpty { detail.endToEndID = customerReference }
        let entry = BankEntry(
            amount: detail.amount, bookedOn: asOf, valueOn: valueOn, status: .booked,
            reversal: [257, 261, 266, 555, 557].contains(code), bankReference: bankReference.isEmpty ? nil : bankReference,
            transactionCode: type, narrative: lines.isEmpty ? nil : lines.joined(separator: " "), details: [detail],
            location: "line \(record.line)")
        return (entry, magnitude)
    }

    /// Tags of continuation lines that name parties, accounts or banks, not what the payment is for (kept in the narrative).
    private static let partyTags: Set<String> = ["CRNM", "CACT", "CABA", "DABA", "DBIC", "CBIC", "IDNM", "CHKN", "CREF"]

    /// A tagged continuation line ("EREF: 1111") as (tag, value).
    private static func tag(_ line: String) -> (String, String)? {
        let bytes = Array(line.utf8)
        guard bytes.count >= 5, bytes[4] == UInt8(ascii: ":"), bytes[..<4].allSatisfy({ $0 >= 65 && $0 <= 90 }) else { return nil }
        return (String(line.prefix(4)), String(line.dropFirst(5).drop { $0 == " " }))
    }

    /// How many fields a funds type adds after itself: V a date and a time, S three amounts, D a count and its pairs.
    static func fundsFieldCount(_ fundsType: String, fields: [String], at position: Int) -> Int {
        switch fundsType {
        case "V": return 2
        case "S": return 3
        case "D":
            guard position < fields.count, let pairs = Int(fields[position]) else { return 1 }
            return 1 + 2 * pairs
        default: return 0
        }
    }

    private mutating func check(_ what: String, line: Int, total: String?, expectedTotal: Int64, count: String?, expectedCount: Int) {
        if let total, let stated = try? BankAmount.implied(total), stated != expectedTotal {
            warnings.append("line \(line): the \(what) states a control total of \(stated), the records add up to \(expectedTotal)")
        }
        if let count, let stated = Int(count), stated != expectedCount {
            warnings.append("line \(line): the \(what) counts \(stated) records, there are \(expectedCount)")
        }
    }

    private static func currency(_ code: String, line: Int) throws(BankSyntaxError) -> Currency {
        do { return try Currency(code) } catch { throw BankSyntaxError(line: line, reason: "\"\(code)\" is not a currency code") }
    }

    /// YYMMDD, years 00–79 read as 2000–2079.
    static func day(_ text: String) -> Day? {
        let bytes = Array(text.utf8)
        guard bytes.count == 6, bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        let number = { (range: Range<Int>) in bytes[range].reduce(0) { $0 * 10 + Int($1 - 48) } }
        let year = number(0..<2)
        return try? Day(year: year < 80 ? 2000 + year : 1900 + year, month: number(2..<4), day: number(4..<6))
    }
}
