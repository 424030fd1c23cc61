import Foundation
import RapportCore
import RapportImport
import RapportStore
import RapportTestSupport
import SQLKit
import Testing

@Suite("Review fixes in the store: credited invoices, stored decisions, id counters")
struct ReviewFixStoreTests {
    @Test(arguments: TestDatabase.available)
    func anInvoiceClearedByACreditMemoIsCreditedAndLeftOutOfDaysToPay(engine: TestDatabase) async throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        try await engine.withDatabase { db in
            try await db.importFixtures([.accounts, .locations, .invoices, .payments], files: files)
            // R1's I3 (49.99) was paid by P3 on Mar 1; A2's I4 (80.00) is cleared by a credit memo on Mar 20.
            _ = try await db.importer().importFile(.creditMemos, path: try files.write("memo.csv", """
                credit_memo_id,account_id,issued_on,amount,currency,invoice_id
                CMX,A2,2024-03-20,80.00,USD,I4
                """))
            let settled = try await db.sql.raw("SELECT ref_id, settled_by FROM open_items WHERE kind = 'invoice' AND paid_on IS NOT NULL ORDER BY ref_id")
                .all().map { "\(try $0.decode(column: "ref_id", as: String.self))=\(try $0.decode(column: "settled_by", as: String.self))" }
            #expect(settled == ["I2=cash", "I3=cash", "I4=credit"])
            let march = try Period(from: Day(iso: "2024-03-01"), to: Day(iso: "2024-03-31"))
            let facts = try await FluentMetricsRepository(db).fetchFacts(currency: .usd, cuts: [march.from.adding(days: -1), march.to], grouping: .none)
            // Paid in March: I2 (Feb 5 → Mar 10, 34 days) and I3 (Feb 29 → Mar 1, 1 day); I4 was credited.
            #expect(ReceivableMetrics(facts, period: march).timing.averageDaysToPay == 17.5)
        }
    }

    @Test(arguments: TestDatabase.available)
    func anUnknownStoredDecisionIsAnErrorNotApproved(engine: TestDatabase) async throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        try await engine.withDatabase { db in
            try await db.importFixtures([.accounts], files: files)
            try await db.sql.raw("""
                INSERT INTO credit_reviews (id, account_id, reviewed_on, reference_list, industry_credit_group_note, decision)
                VALUES ('CR9', 'A1', '2024-01-02', '', '', 'maybe')
                """).run()
            await #expect(throws: CorruptRecord.self) {
                _ = try await FluentQueueRepository(db).fetchQueueData(specialist: "lori", day: try Day(iso: "2024-02-01"))
            }
            await #expect(throws: CorruptRecord.self) { _ = try await FluentCreditReviewRepository(db).fetchCreditReviews(account: nil) }
        }
    }

    @Test(arguments: TestDatabase.available)
    func countersNeverHandOutTheSameNumberTwiceEvenConcurrently(engine: TestDatabase) async throws {
        try await engine.withDatabase { db in
            // Two connections to the same database, as two server instances would have.
            let other = try await RapportDatabase.open(db.location)
            let instances = [FluentSequenceRepository(db), FluentSequenceRepository(other)]
            let values = try await withThrowingTaskGroup(of: Int64.self) { group in
                for index in 0..<40 { group.addTask { try await instances[index % 2].nextValue("case") } }
                var all: [Int64] = []
                for try await value in group { all.append(value) }
                return all
            }
            await other.close()
            #expect(values.sorted() == Array(1...40))
            #expect(try await instances[0].nextValue("brand_new") == 1)
        }
    }
}
