import RapportCore
import RapportImport
import RapportStore
import RapportTestSupport
import Testing

@Suite("Credit memos")
struct CreditMemoTests {
    @Test(arguments: TestDatabase.available)
    func aCreditMemoReducesOpenARAndNetCreditSales(engine: TestDatabase) async throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        try await engine.withDatabase { db in
            let importer = db.importer()
            try await db.importFixtures([.accounts, .locations, .invoices, .payments, .creditMemos], files: files)
            let march = try Period(from: Day(iso: "2024-03-01"), to: Day(iso: "2024-03-31"))
            let facts = try await FluentMetricsRepository(db).fetchFacts(
                currency: .usd, cuts: [march.from.adding(days: -1), march.to], grouping: .none)
            let metrics = ReceivableMetrics(facts, period: march)
            // March sales: I4 80.00 − CM1 10.00. AR on Mar 31: 150.50 + 70.00 − 300.00 unapplied.
            #expect(metrics.creditSales == 7_000)
            #expect(metrics.endingAR == -7_950)
            let again = try await importer.importFile(.creditMemos, path: files.path("creditMemos.csv"))
            #expect(again.rowsUnchanged == 1 && again.rowsWritten == 0)
            let bad = try files.write("bad.csv", """
                credit_memo_id,account_id,issued_on,amount,currency,invoice_id
                CM2,A2,2024-03-05,-1,USD,
                CM3,A1,2024-03-05,5,USD,I4
                """)
            await #expect(throws: ImportError.refused(file: bad, errors: [
                RowError(file: bad, line: 2, field: "amount", reason: "a credit memo must be greater than zero"),
                RowError(file: bad, line: 3, field: "invoice_id", reason: "invoice I4 belongs to account A2"),
            ])) {
                try await importer.importFile(.creditMemos, path: bad)
            }
            #expect(try await db.exportText(.creditMemos).contains("CM1,A2,2024-03-05,10.00,USD,I4,\"Service call billed twice, partly\""))
        }
    }
}
