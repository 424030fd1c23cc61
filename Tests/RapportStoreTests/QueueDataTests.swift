import RapportCore
import RapportImport
import RapportStore
import RapportTestSupport
import SQLKit
import Testing

@Suite("Queue data from the store")
struct QueueDataTests {
    @Test(arguments: TestDatabase.available)
    func aSpecialistsAccountsInvoicesJobsAndHistory(engine: TestDatabase) async throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        try await engine.withDatabase { db in
            try await db.importFixtures([.accounts, .locations, .invoices, .payments, .jobs, .followups], files: files)
            let repository = FluentQueueRepository(db)
            #expect(try await repository.fetchSpecialists() == ["kim", "lori"])
            let data = try #require(try await repository.fetchQueueData(specialist: "lori", day: try Day(iso: "2024-02-15")))
            #expect(data.input.accounts.map(\.id) == ["A1", "A2"])
            // On Feb 15: I1 has 150.50 open (P1 paid 1,100 on Feb 10), I2 is unpaid; I4 is not issued yet.
            let open = Dictionary(uniqueKeysWithValues: data.input.invoices.map { ($0.id, $0.open.decimalString) })
            #expect(open == ["I1": "150.50", "I2": "300.00"])
            #expect(data.input.invoices.first { $0.id == "I1" }?.isFirstOfAccount == true)
            #expect(data.input.invoices.first { $0.id == "I1" }?.collectionStart == (try Day(iso: "2024-02-04")))
            #expect(data.input.jobs.map(\.id) == ["J1", "J2"])
            #expect(data.input.jobs[0].followUps.map(\.id) == ["F1", "F2"])
            // As of Mar 15, I2 was paid on Mar 10 (due Mar 6): one late payment on A1.
            let march = try #require(try await repository.fetchQueueData(specialist: "lori", day: try Day(iso: "2024-03-15")))
            #expect(march.paidCounts.mapValues { [$0.paid, $0.late] } == ["A1": [1, 1]])
            // The counts are kept to date; as of Feb 15 the later payment is taken off again.
            #expect(data.paidCounts.values.allSatisfy { $0 == (0, 0) })
            for (queue, day) in [(data, "2024-02-15"), (march, "2024-03-15")] {
                let recount = try await db.sql.raw("""
                    SELECT COUNT(*) AS n, CAST(COALESCE(SUM(paid_late), 0) AS BIGINT) AS late FROM open_items
                    WHERE kind = 'invoice' AND settled_by = 'cash' AND paid_on <= \(bind: day)
                    """).first()!
                let paid = try recount.decode(column: "n", as: Int.self)
                let late = try recount.decode(column: "late", as: Int.self)
                #expect(queue.ledgerLateShare == (paid == 0 ? nil : Double(late) / Double(paid)))
            }
            #expect(try await db.readModelDisagreements().isEmpty)
            #expect(march.input.invoices.map(\.id).sorted() == ["I1", "I4"])
            #expect(try await repository.fetchQueueData(specialist: "nobody", day: try Day(iso: "2024-03-15")) == nil)
        }
    }
}
