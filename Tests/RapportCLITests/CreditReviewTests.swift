import Foundation
import RapportTestSupport
import Testing

@Suite("rapport credit-review")
struct CreditReviewTests {
    @Test func aNewContractorIsReviewedAndLeavesTheQueue() throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        try files.write("accounts.csv", "account_id,name,segment,specialist,opened_on,new_contractor\nB1,Builder,contractor,lori,2024-03-01,true\n")
        let cli = CLIRunner(workingDirectory: files.folder)
        let db = ["--db", "c.sqlite"]
        #expect(try cli.run(["import", "accounts", "accounts.csv"] + db).code == 0)
        let before = try cli.run(["queue", "--specialist", "lori", "--date", "2024-03-05", "--format", "csv"] + db)
        #expect(before.stdout.contains("contractor-credit-review,Credit review for a new contractor"))
        let added = try cli.run(["credit-review", "add", "--account", "B1", "--decision", "deposit_required", "--reference", "Acme Supply",
                                 "--reference", "Best Lumber", "--icg-note", "pays 15 days late on average", "--limit", "5,000.00",
                                 "--date", "2024-03-04"] + db)
        #expect(added.code == 0 && added.stdout.contains("recorded credit review CR000001 of B1: deposit_required, limit 5,000.00 USD"))
        let list = try cli.run(["credit-review", "list", "--format", "json"] + db)
        let reviews = (try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as! [String: [[String: Any]]])["creditReviews"]!
        #expect(reviews[0]["references"] as? [String] == ["Acme Supply", "Best Lumber"] && reviews[0]["creditLimit"] as? String == "5000.00")
        #expect(try cli.run(["queue", "--specialist", "lori", "--date", "2024-03-05"] + db).stdout.contains("0 tasks"))
        let unknown = try cli.run(["credit-review", "add", "--account", "NOPE", "--decision", "approved"] + db)
        #expect(unknown.code == 1)
    }
}
