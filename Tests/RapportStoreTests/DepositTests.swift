import RapportCore
import RapportImport
import RapportStore
import RapportTestSupport
import Testing

@Suite("Deposits")
struct DepositTests {
    /// A1's job J1 is billed off on Jan 5 with I1 (1,250.50); A2's job J2 is not billed off.
    func ledger(_ db: RapportDatabase, _ account: Account.ID) async throws -> LedgerReport {
        try #require(try await FluentLedgerQueries(db).ledgerReport(for: account, asOf: Day(iso: "2024-03-31")))
    }

    @Test(arguments: TestDatabase.available)
    func aDepositIsHeldUntilItsJobsFinalInvoiceWhicheverFileComesFirst(engine: TestDatabase) async throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        for depositsFirst in [true, false] {
            try await engine.withDatabase { db in
                try await db.importFixtures([.accounts, .locations, .jobs], files: files)
                try await db.importFixtures(depositsFirst ? [.deposits, .invoices] : [.invoices, .deposits], files: files)
                let acme = try await ledger(db, "A1")
                let i1 = try #require(acme.invoices.first { $0.invoiceID == "I1" })
                #expect(i1.paid.minorUnits == 50_000 && i1.open.minorUnits == 75_050, "deposits first: \(depositsFirst)")
                #expect(!acme.credits.contains { $0.source == .deposit("D1") })           // fully applied
                // J2 is not billed off: A2's deposit stays held as unapplied credit, I4 stays open.
                let east = try await ledger(db, "A2")
                #expect(east.credits.first { $0.source == .deposit("D2") }?.unapplied.minorUnits == 4_000)
                #expect(east.invoices.first { $0.invoiceID == "I4" }?.open.minorUnits == 8_000)
                let again = try await db.importer().importFile(.deposits, path: files.path("deposits.csv"))
                #expect(again.rowsUnchanged == 2 && again.rowsWritten == 0)
                #expect(try await db.exportText(.deposits).contains("D1,A1,J1,2023-12-15,500.00,USD"))
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func badDepositRowsAreRefusedWithTheirLineAndField(engine: TestDatabase) async throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        try await engine.withDatabase { db in
            try await db.importFixtures([.accounts, .locations, .jobs], files: files)
            let bad = try files.write("bad.csv", """
                deposit_id,account_id,job_id,received_on,amount,currency
                D7,A1,J2,2024-01-01,10.00,USD
                D8,A1,J9,2024-01-01,10.00,USD
                D9,A1,J1,2024-01-01,0,USD
                """)
            await #expect(throws: ImportError.refused(file: bad, errors: [
                RowError(file: bad, line: 2, field: "job_id", reason: "job J2 belongs to account A2"),
                RowError(file: bad, line: 3, field: "job_id", reason: "unknown job J9"),
                RowError(file: bad, line: 4, field: "amount", reason: "a deposit must be greater than zero"),
            ])) {
                try await db.importer().importFile(.deposits, path: bad)
            }
            #expect(try await db.rowCounts()["deposits"] == 0)
        }
    }
}
