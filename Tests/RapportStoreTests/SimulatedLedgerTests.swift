import Foundation
import RapportCore
import RapportImport
import RapportStore
import RapportTestSupport
import Testing

@Suite("The simulated ledger in the store")
struct SimulatedLedgerTests {
    @Test(arguments: TestDatabase.available)
    func metricsOnTheWrittenLedgerEqualTheSimulatorsOwn(engine: TestDatabase) async throws {
        var parameters = SimulationParameters()
        parameters.accounts = 300
        parameters.months = 14
        parameters.seed = 11
        parameters.touchesPerDay = 5
        let ledger = Simulator(parameters).ledger(schedule: [
            (parameters.start, .traditional), (parameters.start.adding(months: 7), .clientRelations),
        ])
        let result = SimulationResult(policy: .clientRelations, parameters: parameters, ledger: ledger)
        try await engine.withDatabase { db in
            try await SimulatedLedgerWriter(db).write(ledger, users: [User(id: "lori", displayName: "Lori", role: .manager)]) { _ in }
            let facts = try await FluentMetricsRepository(db).fetchFacts(
                currency: .usd, cuts: [result.period.from.adding(days: -1), result.period.to], grouping: .none)
            let stored = ReceivableMetrics(facts, period: result.period)
            #expect(stored.creditSales == result.metrics.creditSales)
            #expect(stored.beginningAR == result.metrics.beginningAR && stored.endingAR == result.metrics.endingAR)
            #expect(stored.endingCurrentAR == result.metrics.endingCurrentAR)
            for (mine, theirs) in [(stored.dso, result.metrics.dso), (stored.dsoCountback, result.metrics.dsoCountback),
                                   (stored.bestPossibleDso, result.metrics.bestPossibleDso), (stored.cei, result.metrics.cei),
                                   (stored.averageDaysDelinquent, result.metrics.averageDaysDelinquent),
                                   (stored.percentCurrent, result.metrics.percentCurrent)] {
                #expect(abs(mine! - theirs!) < 1e-9)
            }
            // The open-item table agrees with the allocations, as after an import.
            let rows = try await db.sql.raw("""
                SELECT o.original_minor, o.open_minor,
                  (SELECT COALESCE(CAST(SUM(a.amount_minor) AS BIGINT), 0) FROM allocations a
                     WHERE (o.kind = 'invoice' AND a.invoice_id = o.ref_id) OR (o.kind = 'payment' AND a.payment_id = o.ref_id)
                        OR (o.kind = 'credit_memo' AND a.credit_memo_id = o.ref_id) OR (o.kind = 'deposit' AND a.deposit_id = o.ref_id)) AS allocated
                FROM open_items o
                """).all()
            #expect(rows.count == ledger.invoices.count + ledger.payments.count + ledger.creditMemos.count + ledger.deposits.count)
            for row in rows {
                let original = try row.decode(column: "original_minor", as: Int64.self)
                let open = try row.decode(column: "open_minor", as: Int64.self)
                #expect(original - (try row.decode(column: "allocated", as: Int64.self)) == open && open >= 0)
            }
            #expect(try await FluentCaseRepository(db).countCases() == ledger.cases.count)
            #expect(try await db.readModelDisagreements().isEmpty)
        }
    }
}
