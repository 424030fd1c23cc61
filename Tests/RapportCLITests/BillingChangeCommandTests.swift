import Foundation
import RapportTestSupport
import Testing

@Suite("rapport billing-change and report retention")
struct BillingChangeCommandTests {
    @Test func anAnnualCustomerIsMovedToMonthlyAndCountedAsRetained() throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        let db = ["--db", "b.sqlite"]
        let cli = try files.importedRunner(["accounts", "locations", "invoices", "payments"], db: db)
        // R1 (annual, on a fixed income) cannot pay Y1, the 600.00 monitoring bill for the year from Jan 10.
        try files.write("annual.csv", """
            invoice_id,account_id,issue_date,due_date,amount,currency,location_id,job_id,description
            Y1,R1,2024-01-10,,600.00,USD,,,"Monitoring, annual"
            """)
        #expect(try cli.run(["import", "invoices", "annual.csv"] + db).code == 0)
        let outside = try cli.run(["billing-change", "add", "--account", "R1", "--invoice", "Y1", "--effective", "2025-02-01"] + db)
        #expect(outside.code == 1 && outside.stderr.contains("--effective 2025-02-01 is outside the billing year 2024-01-10 – 2025-01-09 of invoice Y1"))
        let moved = try cli.run(["billing-change", "add", "--account", "R1", "--invoice", "Y1", "--effective", "2024-03-01",
                                 "--date", "2024-02-28"] + db)
        #expect(moved.code == 0, "\(moved.stderr)")
        #expect(moved.stdout.contains("moved R1 to monthly billing: 600.00 USD open on Y1 credited (B000001-CM) and re-billed in 11 monthly invoices"))
        let again = try cli.run(["billing-change", "add", "--account", "R1", "--invoice", "Y1", "--effective", "2024-03-01"] + db)
        #expect(again.code == 1 && again.stderr.contains("account R1 is billed monthly, not annually"))
        let list = try cli.run(["billing-change", "list", "--format", "json"] + db)
        #expect(list.stdout.contains("\"B000001-M11\""))
        // The stub (Mar 1–9) is 600.00 × 9 / 315 = 17.14; R1 pays it on Mar 5 and nothing else by Mar 31.
        try files.write("pay.csv", "payment_id,account_id,received_on,amount,currency\nPY,R1,2024-03-05,17.14,USD\n")
        #expect(try cli.run(["import", "payments", "pay.csv"] + db).code == 0)
        let report = try cli.run(["report", "retention", "--from", "2024-03-01", "--to", "2024-03-31", "--format", "json"] + db)
        let json = try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as! [String: Any]
        #expect(json["accountsRetained"] as? Int == 1 && json["billingFrequencyChanges"] as? Int == 1)
        let row = try #require((json["measures"] as? [[String: Any]])?.first)
        #expect(row["accountId"] as? String == "R1" && row["measure"] as? String == "billing_frequency_change")
        #expect(row["amount"] as? String == "600.00" && row["paid"] as? String == "17.14" && row["state"] as? String == "behind")
        let table = try cli.run(["report", "retention", "--from", "2024-03-01", "--to", "2024-03-31"] + db)
        #expect(table.stdout.contains("1 account retained 2024-03-01 – 2024-03-31: 1 moved to monthly billing, 0 on an arrangement"))
    }
}
