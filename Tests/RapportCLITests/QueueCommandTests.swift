import Foundation
import RapportTestSupport
import Testing

@Suite("rapport queue and log-interaction")
struct QueueCommandTests {
    func company() throws -> (CLIRunner, Fixtures) {
        let files = try Fixtures()
        let cli = try files.importedRunner(["accounts", "locations", "invoices", "payments", "jobs", "followups"], db: ["--db", "q.sqlite"])
        return (cli, files)
    }

    func tasks(_ cli: CLIRunner, _ date: String) throws -> [[String: Any]] {
        let result = try cli.run(["queue", "--specialist", "lori", "--date", date, "--format", "json", "--db", "q.sqlite"])
        #expect(result.code == 0, "\(result.stderr)")
        let body = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        #expect(body["specialist"] as? String == "lori" && body["date"] as? String == date)
        return body["tasks"] as! [[String: Any]]
    }

    @Test func checkInThenFirstContactThenClosedByATouch() throws {
        let (cli, files) = try company()
        defer { files.removeAll() }
        // J1 was billed off on Jan 5: the check-in is due Jan 13 (F1 still open then).
        let january = try tasks(cli, "2024-01-13")
        let checkIn = try #require(january.first { $0["rule"] as? String == "check-in" })
        #expect(checkIn["jobId"] as? String == "J1" && checkIn["accountId"] as? String == "A1")
        #expect(checkIn["invoiceId"] == nil)
        #expect(checkIn["atStake"] as? String == "1250.50")
        for key in ["rule", "reason", "accountId", "atStake", "risk", "priority"] { #expect(checkIn[key] != nil) }
        // Feb 4 is I1's collection start, but J1's punch list (F2) is still open: no collection call.
        #expect(try tasks(cli, "2024-02-04").contains { $0["rule"] as? String == "first-contact" } == false)
        // A finished item added later does not release it while F2 is open.
        try files.write("done.csv", "followup_id,job_id,department,description,due_on,done_on\nF3,J1,billing,final walkthrough,2024-02-01,2024-02-01\n")
        #expect(try cli.run(["import", "followups", "done.csv", "--db", "q.sqlite"]).code == 0)
        #expect(try tasks(cli, "2024-02-15").contains { $0["rule"] as? String == "first-contact" } == false)
        // The billing system's next export marks F2 done on Feb 14: the collection contact is released.
        try files.write("followups-later.csv", Fixtures.followups.replacingOccurrences(
            of: "Train the staff on the keypad,2024-01-31,", with: "Train the staff on the keypad,2024-01-31,2024-02-14"))
        let completed = try cli.run(["import", "followups", "followups-later.csv", "--db", "q.sqlite"])
        #expect(completed.stdout.contains("2 rows read, 1 written, 1 unchanged, 0 rejected"), "\(completed.stderr)")
        let released = try #require(try tasks(cli, "2024-02-15").first { $0["rule"] as? String == "first-contact" })
        #expect(released["invoiceId"] as? String == "I1" && released["atStake"] as? String == "150.50")
        // A2's I4 (no job, 80.00 unpaid) reaches its collection start on Mar 31: first contact.
        #expect(try tasks(cli, "2024-03-30").contains { $0["invoiceId"] as? String == "I4" } == false)
        let contact = try #require(try tasks(cli, "2024-03-31").first { $0["invoiceId"] as? String == "I4" })
        #expect(contact["rule"] as? String == "first-contact" && contact["atStake"] as? String == "80.00")
        let logged = try cli.run(["log-interaction", "--account", "A1", "--channel", "call", "--purpose", "check_in",
                                  "--outcome", "satisfied", "--by", "lori", "--date", "2024-01-14", "--db", "q.sqlite"])
        #expect(logged.code == 0 && logged.stdout.contains("logged T000001"))
        #expect(try tasks(cli, "2024-01-15").contains { $0["rule"] as? String == "check-in" } == false)
        let unknown = try cli.run(["log-interaction", "--account", "NOPE", "--channel", "call", "--purpose", "reminder",
                                   "--outcome", "no_answer", "--by", "lori", "--db", "q.sqlite"])
        #expect(unknown.code == 1 && unknown.stderr.contains("unknown account NOPE"))
        let nobody = try cli.run(["queue", "--specialist", "nobody", "--db", "q.sqlite"])
        #expect(nobody.code == 1 && nobody.stderr.contains("no accounts are assigned to specialist nobody"))
    }

    @Test func aCustomPlaybookFileReplacesTheRules() throws {
        let (cli, files) = try company()
        defer { files.removeAll() }
        let exported = try cli.run(["playbook", "export"])
        #expect(exported.code == 0 && exported.stdout.contains("\"check-in\""))
        try files.write("mine.json", """
            {"version": 2, "rules": [{"id": "early", "trigger": "billed_off", "offsetDays": 3, "purpose": "check_in", "retryDays": 1}]}
            """)
        let result = try cli.run(["queue", "--specialist", "lori", "--date", "2024-01-08", "--playbook", "mine.json", "--format", "csv", "--db", "q.sqlite"])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == 2 && result.stdout.contains("early,Check in on the installation billed off on 2024-01-05"))
        try files.write("bad.json", "{\"version\": 1, \"rules\": [{\"id\": \"x\"}]}")
        let bad = try cli.run(["queue", "--specialist", "lori", "--playbook", "bad.json", "--db", "q.sqlite"])
        #expect(bad.code == 1 && bad.stderr.contains("bad.json"))
    }
}

@Suite("rapport report productivity")
struct ProductivityCommandTests {
    @Test func touchesAndCollectionsPerSpecialist() throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        let db = ["--db", "p.sqlite"]
        let cli = try files.importedRunner(["accounts", "locations", "invoices", "payments"], db: db)
        #expect(try cli.run(["log-interaction", "--account", "A1", "--channel", "call", "--purpose", "check_in", "--outcome",
                             "issue_found", "--by", "lori", "--date", "2024-02-06"] + db).code == 0)
        #expect(try cli.run(["log-interaction", "--account", "A2", "--channel", "visit", "--purpose", "reminder", "--outcome",
                             "satisfied", "--by", "lori", "--date", "2024-03-02"] + db).code == 0)
        let result = try cli.run(["report", "productivity", "--from", "2024-02-01", "--to", "2024-03-31", "--format", "json"] + db)
        #expect(result.code == 0, "\(result.stderr)")
        let body = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let rows = body["specialists"] as! [[String: Any]]
        #expect(rows.map { $0["specialist"] as! String } == ["kim", "lori"])
        let lori = rows[1]
        #expect(lori["touches"] as? Int == 2 && lori["checkIns"] as? Int == 1 && lori["issuesFoundBeforeCollectionStart"] as? Int == 1)
        #expect(lori["touchesByChannel"] as? [String: Int] == ["call": 1, "visit": 1])
        // P1 1,100.00 and P2 600.00 were received on lori's accounts (A1) in the period; P3 on kim's.
        #expect(lori["moneyCollected"] as? String == "1700.00" && rows[0]["moneyCollected"] as? String == "49.99")
        #expect(lori["medianDaysToResolve"] is NSNull && lori["promisesKeptPercent"] is NSNull)
    }
}

@Suite("rapport risk")
struct RiskCommandTests {
    @Test func trainReportAndFactorsOnTheQueue() throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        let db = ["--db", "k.sqlite"]
        let cli = try files.importedRunner(["accounts", "locations", "invoices", "payments"], db: db)
        let none = try cli.run(["risk", "report"] + db)
        #expect(none.code == 1 && none.stderr.contains("no model trained yet"))
        let early = try cli.run(["risk", "train", "--as-of", "2024-01-01"] + db)
        #expect(early.code == 1 && early.stderr.contains("nothing to learn from"))
        // All four invoices due before May were paid late or are still open: the test set has one class.
        let trained = try cli.run(["risk", "train", "--as-of", "2024-05-01"] + db)
        #expect(trained.code == 0 && trained.stdout.contains("trained on 3 invoices") && trained.stdout.contains("AUC undefined"), "\(trained.stderr)")
        let report = try cli.run(["risk", "report", "--format", "json"] + db)
        let body = try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as! [String: Any]
        #expect(body["trainCount"] as? Int == 3 && body["testCount"] as? Int == 1 && body["auc"] is NSNull)
        #expect((body["weights"] as! [String: Double]).count == 12)
        let queue = try cli.run(["queue", "--specialist", "lori", "--date", "2024-04-15", "--format", "json"] + db)
        let tasks = (try JSONSerialization.jsonObject(with: Data(queue.stdout.utf8)) as! [String: Any])["tasks"] as! [[String: Any]]
        let contact = try #require(tasks.first { $0["invoiceId"] as? String == "I1" })
        #expect((contact["factors"] as? [String])?.count == 3)
    }
}
