import RapportCore

/// The month of payments of `BenchCashCompany` written as the banks would send it.
enum BenchCashFiles {
    /// One camt.053 statement with one booked entry (and one TxDtls) per payment.
    static func camt053(_ payments: [BenchCashCompany.Payment]) -> String {
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.04"><BkToCstmrStmt><GrpHdr><MsgId>BENCH</MsgId></GrpHdr>
            <Stmt><Id>BENCH-1</Id><Acct><Id><IBAN>CH9300762011623852957</IBAN></Id><Ccy>USD</Ccy></Acct>

            """
        for (index, payment) in payments.enumerated() {
            let detail = payment.detail
            let amount = detail.amount.decimalString
            let references = detail.creditorReferences.map {
                "<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>\($0.value)</Ref></CdtrRefInf></Strd>"
            }.joined()
            let lines = detail.remittance.map { "<Ustrd>\(escape($0))</Ustrd>" }.joined()
            text += """
                <Ntry><Amt Ccy="USD">\(amount)</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2024-05-02</Dt></BookgDt>\
                <ValDt><Dt>2024-05-02</Dt></ValDt><AcctSvcrRef>B\(index)</AcctSvcrRef><NtryDtls><TxDtls><Amt Ccy="USD">\(amount)</Amt>\
                <RltdPties><Dbtr><Nm>\(escape(detail.debtorName ?? ""))</Nm></Dbtr><DbtrAcct><Id><Othr><Id>\(detail.debtorAccount ?? "")</Id></Othr></Id></DbtrAcct></RltdPties>\
                <RmtInf>\(lines)\(references)</RmtInf></TxDtls></NtryDtls></Ntry>

                """
        }
        return text + "</Stmt></BkToCstmrStmt></Document>\n"
    }

    /// One BAI2 file: a group, one account, one 16 record per payment with its text and tagged 88s.
    static func bai2(_ payments: [BenchCashCompany.Payment]) -> String {
        var records: [String] = ["01,BANK,RAPPORT,240502,0600,1,,,2/", "02,RAPPORT,BANK,1,240502,,USD,2/", "03,1234567890,USD,010,0,,,015,0,,/"]
        var total: Int64 = 0
        var accountRecords = 1
        for (index, payment) in payments.enumerated() {
            let detail = payment.detail
            total += detail.amount.minorUnits
            let reference = detail.creditorReferences.first.map { " REF \($0.value)" } ?? ""
            records.append("16,195,\(detail.amount.minorUnits),0,B\(index),,\(detail.remittance.joined(separator: " "))\(reference)/")
            records.append("88,DBNM: \(detail.debtorName ?? "")")
            records.append("88,DACT: \(detail.debtorAccount ?? "")")
            accountRecords += 3
        }
        // The closing balance is what came in (the opening was zero).
        records[2] = "03,1234567890,USD,010,0,,,015,\(total),,/"
        records.append("49,\(total * 2),\(accountRecords + 1)/")
        records.append("98,\(total * 2),1,\(accountRecords + 3)/")
        records.append("99,\(total * 2),1,\(accountRecords + 5)/")
        return records.joined(separator: "\n") + "\n"
    }

    private static func escape(_ text: String) -> String {
        text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
    }
}
