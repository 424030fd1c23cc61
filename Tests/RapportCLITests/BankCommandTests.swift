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
