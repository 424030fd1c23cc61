import Foundation
import RapportTestSupport
import Testing

@Suite("rapport bank read")
struct BankCommandTests {
    static func sample(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/bank/\(name)").path
    }

    @Test func jsonHasTheContractFieldsAndCreatesNoDatabase() throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        let cli = CLIRunner(workingDirectory: files.folder)
        let result = try cli.run(["bank", "read", Self.sample("camt053/dvbern_postfinance_camt053_20160531.xml"), "--format", "json"])
        #expect(result.code == 0)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        #expect(json["format"] as? String == "camt.053")
        #expect((json["warnings"] as? [String])?.isEmpty == true)
        let statement = (json["statements"] as! [[String: Any]])[0]
        #expect(statement["account"] as? String == "CH0309000000250090342")
        #expect(statement["currency"] as? String == "CHF")
        #expect(statement["openingBalance"] as? [String: String] == ["amount": "322152.16", "currency": "CHF", "on": "2016-04-29"])
        let entries = statement["entries"] as! [[String: Any]]
        #expect(entries.count == 13)
        let first = entries[0]
        for key in ["amount", "currency", "bookedOn", "valueOn", "status", "reversal", "bankReference", "details"] {
            #expect(first[key] != nil, "entry field \(key)")
        }
        #expect(first["amount"] as? String == "-24.00" && first["status"] as? String == "booked" && first["reversal"] as? Bool == false)
        let details = entries.flatMap { $0["details"] as! [[String: Any]] }
        #expect(details.count == 32)
        for key in ["amount", "endToEndId", "creditorReferences", "remittance", "debtorName", "debtorAccount"] {
            #expect(details[0][key] != nil, "detail field \(key)")
        }
        let reference = details.compactMap { ($0["creditorReferences"] as? [[String: Any]])?.first }.first
        #expect(reference?["type"] as? String == "ISR Reference" && reference?["valid"] as? Bool == true)
        #expect(!FileManager.default.fileExists(atPath: files.folder.appendingPathComponent("rapport.sqlite").path))
    }

    @Test func balancesAreNullWhereTheFileHasNone() throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        let result = try CLIRunner(workingDirectory: files.folder).run(["bank", "read", Self.sample("camt054/dvbern_postfinance_camt054_ES_20160527.xml"), "--format", "json"])
        let statement = ((try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any])["statements"] as! [[String: Any]])[0]
        #expect(statement["openingBalance"] is NSNull && statement["closingBalance"] is NSNull)
    }

    @Test func tableSummarisesAndWarns() throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        let result = try CLIRunner(workingDirectory: files.folder).run(["bank", "read", Self.sample("mt940/wolph_jejik_abnamro.sta")])
        #expect(result.code == 0)
        #expect(result.stdout.hasPrefix("format: mt940\n"))
        #expect(result.stdout.contains("517852257  19321/1    EUR       3,236.28 EUR  876.84 EUR"))
        #expect(result.stdout.contains("warnings:\n  line 4: balances do not reconcile"))
    }

    @Test func anUnreadableFileIsRefusedWithItsLine() throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        try "01,A,B,240101,0000,1,,,2/\n02,B,A,1,240101,,USD,/\n16,142,100,,,,X/\n".write(
            to: files.folder.appendingPathComponent("bad.bai2"), atomically: true, encoding: .utf8)
        let result = try CLIRunner(workingDirectory: files.folder).run(["bank", "read", "bad.bai2"])
        #expect(result.code == 1)
        #expect(result.stderr == "bad.bai2:3: a 16 transaction record outside an account (03)\n")
        let missing = try CLIRunner(workingDirectory: files.folder).run(["bank", "read", "nope.xml"])
        #expect(missing.code == 1 && missing.stderr == "nope.xml: no such file\n")
    }
}

@Suite("rapport import bank, rapport cash")
struct CashCommandTests {
    static let statement = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.04"><BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId></GrpHdr>
        <Stmt><Id>S1</Id><Acct><Id><IBAN>US00BANK0001</IBAN></Id></Acct>
        <Ntry><Amt Ccy="USD">300.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2024-04-02</Dt></BookgDt>
        <AcctSvcrRef>R1</AcctSvcrRef><NtryDtls><TxDtls><Amt Ccy="USD">300.00</Amt><RmtInf><Ustrd>INV I2</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
        <Ntry><Amt Ccy="USD">80.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2024-04-02</Dt></BookgDt>
        <AcctSvcrRef>R2</AcctSvcrRef><NtryDtls><TxDtls><Amt Ccy="USD">80.00</Amt><RltdPties><Dbtr><Nm>Nobody Known</Nm></Dbtr></RltdPties></TxDtls></NtryDtls></Ntry>
        </Stmt></BkToCstmrStmt></Document>
        """

    @Test func importApplyReviewAndDecide() throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        let cli = CLIRunner(workingDirectory: files.folder)
        let db = ["--db", "t.sqlite"]
        for kind in ["accounts", "locations", "invoices"] {
            try files.write("\(kind).csv", Fixtures.byKind[kind]!)
            #expect(try cli.run(["import", kind, "\(kind).csv"] + db).code == 0)
        }
        try files.write("statement.xml", Self.statement)
        let imported = try cli.run(["import", "bank", "statement.xml", "--apply"] + db)
        #expect(imported.code == 0, "\(imported.stderr)")
        #expect(imported.stdout == "statement.xml: 2 details (2 new): 1 applied, 1 waiting for a person, 0 pending, 0 outgoing or reversed; 1 payments, 0 write-offs, 0 dispute cases\n")
        let again = try cli.run(["import", "bank", "statement.xml", "--apply"] + db)
        #expect(again.stdout.hasPrefix("statement.xml: 2 details (0 new), the file was imported before as BF000001: 0 applied, 1 waiting"))
        let listed = try cli.run(["cash", "exceptions", "--format", "json"] + db)
        let items = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as! [[String: Any]]
        #expect(items.count == 1)
        for key in ["detailId", "amount", "currency", "bookedOn", "endToEndId", "debtorName", "reason", "candidates"] {
            #expect(items[0][key] != nil, "field \(key)")
        }
        #expect(items[0]["detailId"] as? String == "BD000002" && items[0]["amount"] as? String == "80.00" && items[0]["debtorName"] as? String == "Nobody Known")
        #expect((items[0]["reason"] as? String)?.contains("suspense") == true)
        #expect(try cli.run(["cash", "exceptions"] + db).stdout.contains("BD000002"))
        let wrong = try cli.run(["cash", "apply", "BD000002", "--invoice", "I2"] + db)
        #expect(wrong.code == 1 && wrong.stderr.contains("invoice I2 is not open in USD"))
        let applied = try cli.run(["cash", "apply", "BD000002", "--invoice", "I4"] + db)
        #expect(applied.code == 0 && applied.stdout.hasPrefix("applied BD000002: "))
        #expect(try cli.run(["cash", "reject", "BD000002"] + db).stderr.contains("is applied, not waiting"))
        #expect(try cli.run(["cash", "exceptions", "--format", "json"] + db).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]")
        let ledger = try cli.run(["ledger", "A2", "--as-of", "2024-04-30", "--format", "json"] + db).stdout
        #expect(ledger.contains(#""open" : "0.00""#))
    }
}

@Suite("rapport bench cash")
struct BenchCashCommandTests {
    @Test func aSmallCompanyIsMatchedAndScoredInBothFormats() throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        let result = try CLIRunner(workingDirectory: files.folder).run(["bench", "cash", "--accounts", "300", "--payments", "200", "--seed", "7"])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout.contains("== camt.053") && result.stdout.contains("== bai2"))
        // Nothing the matcher applies on its own disagrees with the planted truth.
        #expect(result.stdout.components(separatedBy: "wrong applications: 0").count == 3)
        #expect(try CLIRunner(workingDirectory: files.folder).run(["bench", "cash", "--accounts", "10", "--payments", "20"]).code != 0)
    }
}
