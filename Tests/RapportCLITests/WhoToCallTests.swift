import Foundation
import RapportTestSupport
import Testing

@Suite("rapport who-to-call")
struct WhoToCallTests {
    @Test func theirPeopleByLocationAndRoleAndOurs() throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        let db = ["--db", "w.sqlite"]
        let cli = try files.importedRunner(["accounts", "locations", "contacts"], db: db)
        let result = try cli.run(["who-to-call", "A1", "--format", "json"] + db)
        #expect(result.code == 0, "\(result.stderr)")
        let body = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let ours = body["ours"] as! [[String: Any]]
        #expect(ours.map { $0["accountId"] as! String } == ["A1", "A2"])
        #expect(ours[0]["salesperson"] as? String == "sam" && ours[0]["serviceManager"] as? String == "maria")
        let sites = body["sites"] as! [[String: Any]]
        #expect(sites.map { $0["name"] as! String } == ["Whole account", "HQ", "East site"])
        #expect((sites[2]["contacts"] as! [[String: Any]]).map { $0["role"] as! String } == ["decision_maker"])
        try files.write("bad.csv", "contact_id,account_id,location_id,name,role\nK9,A1,L2,X,boss\nK8,A1,L2,Y,billing\n")
        let bad = try cli.run(["import", "contacts", "bad.csv", "--skip-invalid"] + db)
        #expect(bad.stderr.contains("bad.csv:2: role: expected one of accounts_payable|facilities|decision_maker|billing, got \"boss\""))
        #expect(bad.stderr.contains("bad.csv:3: location_id: location L2 belongs to account A2"))
        #expect(try cli.run(["export", "accounts"] + db).stdout.contains("2020-01-15,sam,maria"))
    }
}
