import Foundation
import RapportTestSupport
import Testing

@Suite("rapport change-request")
struct ChangeRequestCommandTests {
    @Test func aCancellationToldToSalesIsRoutedAppliedAndItsLaterBillingFlagged() throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        let db = ["--db", "r.sqlite"]
        let cli = try files.importedRunner(["accounts", "locations", "invoices"], db: db)
        let added = try cli.run(["change-request", "add", "--account", "A1", "--kind", "cancellation", "--service", "Monitoring",
                                 "--effective", "2024-01-31", "--reported-by", "sales", "--date", "2024-01-20"] + db)
        #expect(added.code == 0 && added.stdout.contains("recorded cancellation R000001 of Monitoring from 2024-01-31, routed to billing"))
        // I2 (Feb 5, "Monitoring") was billed after the cancellation took effect; I1's January line was not.
        let listed = try cli.run(["change-request", "list", "--open", "--format", "json"] + db)
        let body = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as! [String: [[String: Any]]]
        #expect(body["changeRequests"]!.map { $0["status"] as! String } == ["open"])
        #expect(body["flaggedLines"]!.map { $0["invoiceId"] as! String } == ["I2"])
        #expect(try cli.run(["change-request", "apply", "R000001", "--date", "2024-02-07"] + db).code == 0)
        let again = try cli.run(["change-request", "apply", "R000001"] + db)
        #expect(again.code == 1 && again.stderr.contains("already applied on 2024-02-07"))
        #expect(try cli.run(["change-request", "list", "--open", "--format", "csv"] + db).stdout.split(separator: "\n").count == 1)
        let wrongSite = try cli.run(["change-request", "add", "--account", "A1", "--kind", "add_on", "--service", "Cameras",
                                     "--effective", "2024-03-01", "--reported-by", "sales", "--location", "L2"] + db)
        #expect(wrongSite.code == 1 && wrongSite.stderr.contains("location L2 belongs to account A2"))
    }
}
