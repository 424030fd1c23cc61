import RapportCore
import RapportImport
import RapportStore
import RapportTestSupport
import Testing

@Suite("Storing billing-frequency changes")
struct BillingChangeRepositoryTests {
    func day(_ text: String) -> Day { try! Day(iso: text) }

    @Test(arguments: TestDatabase.available)
    func theAnnualInvoiceIsCreditedAndRebilledMonthlyInOneStep(engine: TestDatabase) async throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        try await engine.withDatabase { db in
            try await db.importFixtures([.accounts, .locations], files: files)
            let annualFile = try files.write("annual.csv", """
                invoice_id,account_id,issue_date,due_date,amount,currency,location_id,job_id,description
                Y1,R1,2024-01-10,,600.00,USD,,,"Monitoring, annual"
                """)
            _ = try await db.importer().importFile(.invoices, path: annualFile)
            let account = try #require(try await FluentAccountRepository(db).fetchAccounts(["R1"]).first)
            let annual = try #require(try await FluentInvoiceRepository(db).fetchInvoices(["Y1"]).first)
            let plan = try BillingFrequencyChange.annualToMonthly(open: annual.total, yearStart: annual.issueDate, effective: day("2024-03-01"))
            let records = plan.records(id: "B1", account: account, annual: annual, effective: day("2024-03-01"), recordedOn: day("2024-02-28"))
            let repository = FluentBillingChangeRepository(db)
            try await repository.applyBillingChange(records.change, creditMemo: records.creditMemo, invoices: records.invoices)
            #expect(try await FluentAccountRepository(db).fetchAccounts(["R1"]).first?.billingFrequency == .monthly)
            let stored = try await repository.fetchBillingChanges(from: day("2024-03-01"), to: day("2024-03-31"))
            #expect(stored == [records.change])
            #expect(stored[0].invoiceIDs.count == 11 && stored[0].invoiceIDs.first == "B1-M01")
            #expect(try await repository.fetchBillingChanges(from: day("2024-04-01"), to: nil).isEmpty)
            let ledger = try #require(try await FluentLedgerQueries(db).ledgerReport(for: "R1", asOf: day("2025-02-01")))
            #expect(ledger.invoices.first { $0.invoiceID == "Y1" }?.open.minorUnits == 0)
            #expect(ledger.balances[.usd]?.minorUnits == 60_000)          // the same money, now due monthly
            let payment = try files.write("pay.csv", "payment_id,account_id,received_on,amount,currency\nPY,R1,2024-03-05,50.00,USD\n")
            _ = try await db.importer().importFile(.payments, path: payment)
            let bills = try #require(try await repository.fetchBills(of: stored, through: day("2024-03-31"))["B1"])
            #expect(bills.count == 11 && bills[0].paid.minorUnits == bills[0].amount.minorUnits)
            #expect(bills.reduce(Int64(0)) { $0 + $1.amount.minorUnits } == 60_000)
            #expect(try await db.readModelDisagreements().isEmpty)
            #expect(try await repository.countBillingChanges() == 1)
        }
    }
}
