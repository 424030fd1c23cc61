import Foundation
import RapportTestSupport
import Testing

@Suite("rapport arrangement")
struct ArrangementCommandTests {
    @Test func installmentsAreTrackedAgainstPayments() throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        let db = ["--db", "a.sqlite"]
        let cli = try files.importedRunner(["accounts", "locations", "invoices", "payments"], db: db)
        // A1 agrees on Feb 1 to pay 1,500.00 in 3 monthly installments from Feb 10, covering I1 (open then,
        // 1,250.50). P1 (1,100.00 on Feb 10) goes to I1 and counts; P2 (600.00 on Mar 10) names I2, an ordinary
        // bill issued after the agreement: it pays I2 and leaves the rest unapplied, and counts for nothing.
        let added = try cli.run(["arrangement", "add", "--account", "A1", "--total", "1500", "--installments", "3", "--first", "2024-02-10",
                                 "--date", "2024-02-01"] + db)
        #expect(added.code == 0 && added.stdout.contains("agreed PA000001: 1,500.00 USD in 3 installments from 2024-02-10"), "\(added.stderr)")
        let march = try cli.run(["arrangement", "list", "--as-of", "2024-03-31", "--format", "json"] + db)
        let rows = (try JSONSerialization.jsonObject(with: Data(march.stdout.utf8)) as! [String: Any])["arrangements"] as! [[String: Any]]
        #expect(rows[0]["state"] as? String == "on_track" && rows[0]["paid"] as? String == "1100.00")
        let february = try cli.run(["arrangement", "list", "--as-of", "2024-02-15", "--format", "json"] + db)
        let feb = (try JSONSerialization.jsonObject(with: Data(february.stdout.utf8)) as! [String: Any])["arrangements"] as! [[String: Any]]
        #expect(feb[0]["state"] as? String == "on_track" && feb[0]["due"] as? String == "500.00")
        let bad = try cli.run(["arrangement", "add", "--account", "A1", "--total", "10", "--installments", "0", "--first", "2024-02-10"] + db)
        #expect(bad.code == 2)
    }

    @Test func aMissedInstallmentPutsAFollowUpOnTheSpecialistsQueue() throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        let db = ["--db", "m.sqlite"]
        let cli = try files.importedRunner(["accounts", "locations", "invoices", "payments"], db: db)
        // 3,000.00 in three from Feb 10: 2,000.00 is due by Mar 10; only P1's 1,100.00 reached the arranged I1.
        #expect(try cli.run(["arrangement", "add", "--account", "A1", "--total", "3000", "--installments", "3", "--first", "2024-02-10",
                             "--date", "2024-02-01"] + db).code == 0)
        let onTheDay = try cli.run(["queue", "--specialist", "lori", "--date", "2024-03-10", "--format", "json"] + db)
        #expect(!onTheDay.stdout.contains("missed-installment"))
        let after = try cli.run(["queue", "--specialist", "lori", "--date", "2024-03-11", "--format", "json"] + db)
        let tasks = (try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as! [String: Any])["tasks"] as! [[String: Any]]
        let missed = try #require(tasks.first { $0["rule"] as? String == "missed-installment" })
        #expect(missed["accountId"] as? String == "A1" && missed["atStake"] as? String == "900.00")
        #expect((missed["reason"] as? String)?.contains("due 2024-03-10 not paid") == true)
    }
}
