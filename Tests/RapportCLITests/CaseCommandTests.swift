import Foundation
import RapportTestSupport
import Testing

@Suite("rapport case")
struct CaseCommandTests {
    @Test func aCaseFromOpeningToClosing() throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        let db = ["--db", "c.sqlite"]
        let cli = try files.importedRunner(["accounts", "locations", "invoices"], db: db)
        let opened = try cli.run(["case", "open", "--account", "A1", "--category", "incomplete_installation", "--invoice", "I1",
                                  "--date", "2024-01-13", "--format", "json"] + db)
        #expect(opened.code == 0, "\(opened.stderr)")
        let body = try JSONSerialization.jsonObject(with: Data(opened.stdout.utf8)) as! [String: [[String: Any]]]
        let item = body["cases"]![0]
        #expect(item["caseId"] as? String == "C000001" && item["department"] as? String == "installation")
        #expect(item["amountOnHold"] as? String == "1250.50" && item["slaDue"] as? String == "2024-01-23")
        #expect(try cli.run(["case", "route", "C000001", "--owner", "dave", "--date", "2024-01-14"] + db).code == 0)
        let refused = try cli.run(["case", "close", "C000001", "--date", "2024-01-15"] + db)
        #expect(refused.code == 1 && refused.stderr.contains("a case cannot go from in_progress to closed"))
        let noCause = try cli.run(["case", "resolve", "C000001", "--root-cause", "BAD.CODE", "--resolution", "rebill"] + db)
        #expect(noCause.code == 1 && noCause.stderr.contains("unknown root cause BAD.CODE"))
        #expect(try cli.run(["case", "resolve", "C000001", "--root-cause", "INST.PUNCH_LIST_OPEN", "--resolution", "work_completed",
                             "--date", "2024-01-18"] + db).code == 0)
        #expect(try cli.run(["case", "close", "C000001", "--date", "2024-01-19"] + db).code == 0)
        let listed = try cli.run(["case", "list", "--department", "installation", "--format", "csv"] + db)
        #expect(listed.stdout.contains("C000001,A1,incomplete_installation,installation,dave,closed,1250.50,USD,2024-01-13,2024-01-23,2024-01-18,INST.PUNCH_LIST_OPEN,work_completed,,I1"))
        let pareto = try cli.run(["report", "root-causes", "--from", "2024-01-01", "--to", "2024-01-31", "--format", "json"] + db)
        let report = try JSONSerialization.jsonObject(with: Data(pareto.stdout.utf8)) as! [String: Any]
        #expect(report["resolvedCases"] as? Int == 1)
        let causes = report["rootCauses"] as! [[String: Any]]
        #expect(causes.first?["code"] as? String == "INST.PUNCH_LIST_OPEN" && causes.first?["cumulativeShare"] as? Double == 100)
        #expect(causes.first?["amountOnHold"] as? String == "1250.50" && causes.first?["department"] as? String == "installation")
        #expect(try cli.run(["corrective-action", "add", "--root-cause", "INST.PUNCH_LIST_OPEN", "--description", "Walkthrough before billing off",
                             "--department", "installation", "--due", "2024-01-20"] + db).code == 0)
        #expect(try cli.run(["corrective-action", "implement", "K000001", "--date", "2024-01-20"] + db).code == 0)
        let effect = try cli.run(["corrective-action", "effect", "--window", "30", "--format", "json"] + db)
        let effects = (try JSONSerialization.jsonObject(with: Data(effect.stdout.utf8)) as! [String: [[String: Any]]])["correctiveActions"]!
        let before = effects[0]["before"] as! [String: Any]
        let after = effects[0]["after"] as! [String: Any]
        // C000001 (opened Jan 13) falls in the 30 days before Jan 20; I1 was issued on Jan 5 in that window.
        #expect(before["cases"] as? Int == 1 && before["invoicesIssued"] as? Int == 1 && before["ratePerThousand"] as? Double == 1000)
        #expect(after["cases"] as? Int == 0 && after["invoicesIssued"] as? Int == 1 && after["ratePerThousand"] as? Double == 0)
        #expect(before["averageDaysToPay"] is NSNull)   // I1 is not fully paid
        let unknownCause = try cli.run(["corrective-action", "add", "--root-cause", "X", "--description", "x", "--department", "billing", "--due", "2024-01-20"] + db)
        #expect(unknownCause.code == 1)
        let wrongAccount = try cli.run(["case", "open", "--account", "A1", "--category", "billing_error", "--invoice", "I3"] + db)
        #expect(wrongAccount.code == 1 && wrongAccount.stderr.contains("invoice I3 belongs to account R1"))
        let badCategory = try cli.run(["case", "open", "--account", "A1", "--category", "weather"] + db)
        #expect(badCategory.code == 2)
    }
}
