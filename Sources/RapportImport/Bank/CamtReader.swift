import RapportCore

/// Reads ISO 20022 camt.053 (`BkToCstmrStmt/Stmt`) and camt.054 (`BkToCstmrDbtCdtNtfctn/Ntfctn`),
/// versions 02 to 08: balances per their own currency and sign, entries with their status as text
/// (v2–v7) or as `Sts/Cd` (v8), and one detail per `TxDtls` — or one made from the entry itself.
struct CamtReader {
    private var warnings: [String] = []

    static func read(_ bytes: [UInt8]) throws(BankSyntaxError) -> BankFile {
        let root: XMLNode
        do { root = try XMLTreeParser.parse(bytes) } catch { throw BankSyntaxError(line: error.line, reason: error.reason) }
        var reader = CamtReader()
        return try reader.file(root)
    }

    private mutating func file(_ document: XMLNode) throws(BankSyntaxError) -> BankFile {
        let namespace = document.attributes["xmlns"] ?? ""
        let (format, messageName, statementName): (BankFile.Format, String, String)
        if let message = document.child("BkToCstmrStmt") {
            (format, messageName, statementName) = (.camt053, message.name, "Stmt")
        } else if let message = document.child("BkToCstmrDbtCdtNtfctn") {
            (format, messageName, statementName) = (.camt054, message.name, "Ntfctn")
        } else {
            let found = document.children.first?.name ?? "nothing"
            throw BankSyntaxError(line: document.line, path: document.name,
                                  reason: "expected BkToCstmrStmt (camt.053) or BkToCstmrDbtCdtNtfctn (camt.054), found \(found)")
        }
        if let version = namespace.split(separator: ".").last, let number = Int(version), !(2...8).contains(number) {
            warnings.append("\(document.name): \(namespace) is version \(number); read as versions 02–08 are")
        }
        let message = document.child(messageName)!
        var statements: [BankStatement] = []
        for (index, node) in message.children(statementName).enumerated() {
            statements.append(try statement(node, path: "\(document.name)/\(messageName)/\(statementName)[\(index + 1)]"))
        }
        if statements.isEmpty { warnings.append("\(document.name)/\(messageName): no \(statementName) in the message") }
        var file = BankFile(format: format, messageID: message.text("GrpHdr/MsgId"), statements: statements)
        file.warnings = warnings + BankFileChecks.warnings(file)
        return file
    }

    private mutating func statement(_ node: XMLNode, path: String) throws(BankSyntaxError) -> BankStatement {
        let account = node.text(anyOf: "Acct/Id/IBAN", "Acct/Id/Othr/Id") ?? ""
        if account.isEmpty { warnings.append("\(path)/Acct: the statement names no account") }
        var opening: BankBalance?
        var closing: BankBalance?
        for (index, balance) in node.children("Bal").enumerated() {
            let code = balance.text(anyOf: "Tp/CdOrPrtry/Cd", "Tp/CdOrPrtry/Prtry") ?? ""
            let here = "\(path)/Bal[\(index + 1)]"
            switch code {
            case "OPBD", "PRCD": if opening == nil { opening = try self.balance(balance, path: here) }
            case "CLBD": if closing == nil { closing = try self.balance(balance, path: here) }
            default: continue
            }
        }
        var currency: Currency?
        if let code = node.text("Acct/Ccy") { currency = try Self.currency(code, node.at("Acct/Ccy")!, path: "\(path)/Acct/Ccy") }
        var entries: [BankEntry] = []
        for (index, entry) in node.children("Ntry").enumerated() {
            entries.append(try self.entry(entry, path: "\(path)/Ntry[\(index + 1)]"))
        }
        currency = currency ?? opening?.amount.currency ?? closing?.amount.currency ?? entries.first?.amount.currency
        return BankStatement(
            account: account, currency: currency, id: node.text("Id"), openingBalance: opening, closingBalance: closing,
            from: Self.day(node.text(anyOf: "FrToDt/FrDtTm", "FrToDt/FrDt")), to: Self.day(node.text(anyOf: "FrToDt/ToDtTm", "FrToDt/ToDt")),
            entries: entries, location: "line \(node.line) (\(path))")
    }

    private func balance(_ node: XMLNode, path: String) throws(BankSyntaxError) -> BankBalance {
        let amount = try Self.amount(node, path: path, credit: Self.isCredit(node.text("CdtDbtInd"), path: path))
        return BankBalance(amount: amount, on: Self.day(node.text(anyOf: "Dt/Dt", "Dt/DtTm")))
    }

    private mutating func entry(_ node: XMLNode, path: String) throws(BankSyntaxError) -> BankEntry {
        let credit = try Self.isCredit(node.text("CdtDbtInd"), path: "\(path)/CdtDbtInd")
        let amount = try Self.amount(node, path: path, credit: credit)
        let statusText = node.text(anyOf: "Sts/Cd", "Sts/Prtry", "Sts") ?? "BOOK"
        let status: BankEntry.Status
        switch statusText {
        case "BOOK": status = .booked
        case "PDNG", "INFO", "FUTR": status = .pending
        default:
            warnings.append("line \(node.line) (\(path)/Sts): unknown status \(statusText); read as pending")
            status = .pending
        }
        let domain = [node.text("BkTxCd/Domn/Cd"), node.text("BkTxCd/Domn/Fmly/Cd"), node.text("BkTxCd/Domn/Fmly/SubFmlyCd")].compactMap { $0 }
        let narrative = node.children("AddtlNtryInf").map(\.text).filter { !$0.isEmpty }.joined(separator: " ")
        var details: [BankDetail] = []
        var index = 0
        for group in node.children("NtryDtls") {
            for transaction in group.children("TxDtls") {
                index += 1
                details.append(try detail(transaction, entryCredit: credit, entryAmount: amount, path: "\(path)/NtryDtls/TxDtls[\(index)]"))
            }
        }
        if details.isEmpty { details = [.wholeEntry(amount: amount, narrative: narrative.isEmpty ? nil : narrative)] }
        return BankEntry(
            amount: amount, bookedOn: Self.day(node.text(anyOf: "BookgDt/Dt", "BookgDt/DtTm")),
            valueOn: Self.day(node.text(anyOf: "ValDt/Dt", "ValDt/DtTm")), status: status,
            reversal: node.text("RvslInd").map { $0 == "true" || $0 == "1" } ?? false,
            bankReference: node.text("AcctSvcrRef") ?? node.text("NtryRef"),
            transactionCode: domain.isEmpty ? node.text("BkTxCd/Prtry/Cd") : domain.joined(separator: "/"),
            narrative: narrative.isEmpty ? nil : narrative, details: details, location: "line \(node.line) (\(path))")
    }

    private mutating func detail(_ node: XMLNode, entryCredit: Bool, entryAmount: Money, path: String) throws(BankSyntaxError) -> BankDetail {
        // v2 writes the amount in AmtDtls only; later versions have Amt directly.
        let amountNode: XMLNode? = node.child("Amt") != nil ? node
            : [node.at("AmtDtls/TxAmt"), node.at("AmtDtls/InstdAmt"), node.at("AmtDtls/CntrValAmt")].compactMap { $0 }.first
        var amount = entryAmount
        if let amountNode {
            if let indicator = node.text("CdtDbtInd"), try Self.isCredit(indicator, path: "\(path)/CdtDbtInd") != entryCredit {
                warnings.append("line \(node.line) (\(path)): the detail says \(indicator), its entry the opposite; signed as the entry")
            }
            amount = try Self.amount(amountNode, path: path, credit: entryCredit)
        }
        var references: [CreditorReference] = []
        for structured in node.children("RmtInf").flatMap({ $0.children("Strd") }) {
            for info in structured.children("CdtrRefInf") {
                guard let value = info.text("Ref") else { continue }
                references.append(CreditorReference(type: info.text(anyOf: "Tp/CdOrPrtry/Cd", "Tp/CdOrPrtry/Prtry"), value: value))
            }
        }
        let remittance = node.children("RmtInf").flatMap { $0.children("Ustrd") }.map(\.text).filter { !$0.isEmpty }
            + node.children("RmtInf").flatMap { $0.children("Strd") }.flatMap { $0.children("AddtlRmtInf") }.map(\.text).filter { !$0.isEmpty }
        let endToEnd = node.text("Refs/EndToEndId").flatMap { $0 == "NOTPROVIDED" ? nil : $0 }
        let reason = node.text(anyOf: "RtrInf/Rsn/Cd", "RtrInf/Rsn/Prtry")
        return BankDetail(
            amount: amount, endToEndID: endToEnd, creditorReferences: references, remittance: remittance,
            debtorName: node.text(anyOf: "RltdPties/Dbtr/Nm", "RltdPties/Dbtr/Pty/Nm", "RltdPties/UltmtDbtr/Nm", "RltdPties/UltmtDbtr/Pty/Nm"),
            debtorAccount: node.text(anyOf: "RltdPties/DbtrAcct/Id/IBAN", "RltdPties/DbtrAcct/Id/Othr/Id"),
            returnReason: reason)
    }

    /// `<Amt Ccy="CHF">12.50</Amt>` under `node`, signed by `credit`.
    private static func amount(_ node: XMLNode, path: String, credit: Bool) throws(BankSyntaxError) -> Money {
        guard let amount = node.child("Amt") else { throw BankSyntaxError(line: node.line, path: path, reason: "no Amt") }
        guard let code = amount.attributes["Ccy"] else {
            throw BankSyntaxError(line: amount.line, path: "\(path)/Amt", reason: "the amount has no Ccy")
        }
        let currency = try currency(code, amount, path: "\(path)/Amt")
        do {
            let value = try BankAmount.decimal(amount.text, currency: currency)
            return Money(minorUnits: credit ? value : -value, currency: currency)
        } catch {
            throw BankSyntaxError(line: amount.line, path: "\(path)/Amt", reason: "\"\(amount.text)\" is not an amount in \(currency): \(error)")
        }
    }

    private static func currency(_ code: String, _ node: XMLNode, path: String) throws(BankSyntaxError) -> Currency {
        do { return try Currency(code) } catch {
            throw BankSyntaxError(line: node.line, path: path, reason: "\"\(code)\" is not a currency code")
        }
    }

    private static func isCredit(_ indicator: String?, path: String) throws(BankSyntaxError) -> Bool {
        switch indicator {
        case "CRDT": return true
        case "DBIT": return false
        default: throw BankSyntaxError(line: nil, path: path, reason: "CdtDbtInd is \(indicator.map { "\"\($0)\"" } ?? "missing"), not CRDT or DBIT")
        }
    }

    /// The calendar day of an ISO date or date-time ("2016-05-31", "2016-05-31T13:15:00+01:00").
    static func day(_ text: String?) -> Day? {
        guard let text, text.utf8.count >= 10 else { return nil }
        return try? Day(iso: text.prefix(10))
    }
}
