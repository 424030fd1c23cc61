import Foundation
import RapportTestSupport
import Testing

@Suite("rapport promise")
struct PromiseCommandTests {
    @Test func promisesAreJudgedByPaymentsAndFollowedUpOnTheQueue() throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        let db = ["--db", "p.sqlite"]
        let cli = try files.importedRunner(["accounts", "locations", "invoices", "payments"], db: db)
        // A1 promised 1,000.00 for Feb 12 on Feb 8: P1 (1,100.00 on Feb 10) keeps it.
        #expect(try cli.run(["promise", "add", "--account", "A1", "--amount", "1,000.00", "--for", "2024-02-12", "--date", "2024-02-08"] + db).code == 0)
        // A2 promised 80.00 for Mar 20 on Mar 15 and has paid nothing.
        let added = try cli.run(["promise", "add", "--account", "A2", "--amount", "80", "--for", "2024-03-20", "--invoice", "I4", "--date", "2024-03-15"] + db)
        #expect(added.code == 0 && added.stdout.contains("recorded promise P000002"))
        let list = try cli.run(["promise", "list", "--as-of", "2024-03-25", "--format", "csv"] + db)
        #expect(list.stdout == """
            promiseId,accountId,invoiceId,amount,currency,madeOn,promisedFor,status
            P000001,A1,,1000.00,USD,2024-02-08,2024-02-12,kept
            P000002,A2,I4,80.00,USD,2024-03-15,2024-03-20,broken

            """)
        let pending = try cli.run(["promise", "list", "--account", "A2", "--as-of", "2024-03-18", "--format", "json"] + db)
        #expect(pending.stdout.contains("\"status\" : \"pending\""))
        let queue = try cli.run(["queue", "--specialist", "lori", "--date", "2024-03-25", "--format", "json"] + db)
        #expect(queue.stdout.contains("\"rule\" : \"promise-follow-up\"") && queue.stdout.contains("Promise of 80.00 for 2024-03-20 not kept"))
        let productivity = try cli.run(["report", "productivity", "--from", "2024-02-01", "--to", "2024-03-31", "--specialist", "lori", "--format", "json"] + db)
        #expect(productivity.stdout.contains("\"promisesKeptPercent\" : 50"))
        let backwards = try cli.run(["promise", "add", "--account", "A1", "--amount", "5", "--for", "2024-01-01", "--date", "2024-02-01"] + db)
        #expect(backwards.code == 1 && backwards.stderr.contains("is before the promise was made"))
    }
}
