import Foundation
import RapportTestSupport
import Testing

@Suite("rapport statement")
struct StatementTests {
    @Test func aParentAccountWithItsChildGroupedByLocation() throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        let cli = try files.importedRunner(["accounts", "locations", "invoices", "payments"], db: ["--db", "s.sqlite"])
        let result = try cli.run(["statement", "A1", "--as-of", "2024-03-31", "--format", "json", "--db", "s.sqlite"])
        #expect(result.code == 0, "\(result.stderr)")
        let body = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        // Open on Mar 31: I1 150.50 (A1, HQ) and I4 80.00 (child A2, East site); I2 is paid.
        #expect(body["totalOpen"] as? [String: String] == ["USD": "230.50"])
        let invoices = body["invoices"] as! [[String: Any]]
        #expect(invoices.map { $0["invoiceId"] as! String } == ["I1", "I4"])
        let locations = body["locations"] as! [[String: Any]]
        #expect(locations.map { $0["name"] as! String } == ["HQ", "East site"])
        #expect(locations.map { $0["accountId"] as! String } == ["A1", "A2"])
        #expect(locations[0]["billed"] as? [String: String] == ["USD": "1250.50"])
        #expect((locations[0]["lines"] as! [[String: Any]]).map { $0["description"] as! String } == ["Installation", "Monitoring, January"])
        let child = try cli.run(["statement", "A2", "--as-of", "2024-03-31", "--format", "csv", "--db", "s.sqlite"])
        #expect(child.stdout == "account_id,location_id,location,invoice_id,issue_date,description,amount,currency\nA2,L2,East site,I4,2024-03-01,Service call,80.00,USD\n")
        let unknown = try cli.run(["statement", "NOPE", "--db", "s.sqlite"])
        #expect(unknown.code == 1 && unknown.stderr.contains("unknown account NOPE"))
    }
}
