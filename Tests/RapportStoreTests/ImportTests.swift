import RapportCore
import RapportImport
import RapportStore
import RapportTestSupport
import Testing

@Suite("Import into the store")
struct ImportTests {
    /// Imports the standard fixtures into `db`, in dependency order.
    func importAll(_ db: RapportDatabase, _ files: Fixtures) async throws {
        try await db.importFixtures([.accounts, .locations, .invoices, .payments, .jobs, .followups, .creditMemos, .contacts], files: files)
    }

    @Test(arguments: TestDatabase.available)
    func importsACompanyAndAllocatesPayments(engine: TestDatabase) async throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        try await engine.withDatabase { db in
            try await importAll(db, files)
            #expect(try await db.rowCounts() == [
                "accounts": 3, "locations": 2, "invoices": 4, "invoice_lines": 5, "payments": 3, "deposits": 0,
                "open_items": 8, "allocations": 4,
            ])
            let accounts = try await FluentAccountRepository(db).fetchAccounts(["A1", "A2", "R1"])
            let a2 = try #require(accounts.first { $0.id == "A2" })
            let opened = try Day(iso: "2021-06-01")
            #expect(a2.parentID == "A1" && a2.specialist == "lori" && a2.openedOn == opened)
            #expect(accounts.first { $0.id == "R1" }?.flags == [.hardship])
            let ledger = try #require(try await FluentLedgerQueries(db).ledgerReport(for: "A1", asOf: try Day(iso: "2024-03-31")))
            #expect(ledger.invoices.map(\.open.decimalString) == ["150.50", "0.00"])
            #expect(ledger.credits.map(\.unapplied.decimalString) == ["300.00"])
            #expect(ledger.balances[.usd]?.decimalString == "-149.50")
            // CM1 credits 10.00 to A2's I4 (80.00).
            let a2Ledger = try #require(try await FluentLedgerQueries(db).ledgerReport(for: "A2", asOf: try Day(iso: "2024-03-31")))
            #expect(a2Ledger.invoices.map(\.open.decimalString) == ["70.00"])
        }
    }

    @Test(arguments: TestDatabase.available)
    func ledgerAsOfAPastDayIgnoresLaterActivity(engine: TestDatabase) async throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        try await engine.withDatabase { db in
            try await importAll(db, files)
            let queries = FluentLedgerQueries(db)
            let feb = try #require(try await queries.ledgerReport(for: "A1", asOf: try Day(iso: "2024-02-15")))
            #expect(feb.invoices.map(\.invoiceID) == ["I1", "I2"])
            #expect(feb.invoices.map(\.paid.decimalString) == ["1100.00", "0.00"])
            #expect(feb.credits.isEmpty)
            let jan = try #require(try await queries.ledgerReport(for: "A1", asOf: try Day(iso: "2024-01-04")))
            #expect(jan.invoices.isEmpty && jan.balances.isEmpty)
            #expect(try await queries.ledgerReport(for: "NOPE", asOf: try Day(iso: "2024-01-04")) == nil)
        }
    }

    @Test(arguments: TestDatabase.available)
    func severalLedgersAtOnceEqualEachAlone(engine: TestDatabase) async throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        try await engine.withDatabase { db in
            try await importAll(db, files)
            let queries = FluentLedgerQueries(db)
            for iso in ["2024-01-04", "2024-02-15", "2024-03-31"] {
                let day = try Day(iso: iso)
                let together = try await queries.ledgerReports(for: ["A2", "NOPE", "A1"], asOf: day)
                var alone: [LedgerReport] = []
                for id: Account.ID in ["A2", "A1"] { alone.append(try #require(try await queries.ledgerReport(for: id, asOf: day))) }
                #expect(together == alone)
                #expect(together.map(\.accountID) == ["A2", "A1"])
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func reimportingTheSameFilesChangesNothing(engine: TestDatabase) async throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        try await engine.withDatabase { db in
            try await importAll(db, files)
            try await db.importFixtures([.deposits], files: files)
            let before = try await db.rowCounts()
            let importer = db.importer()
            for kind in ImportKind.allCases {
                let summary = try await importer.importFile(kind, path: files.path("\(kind).csv"))
                #expect(summary.rowsWritten == 0)
                #expect(summary.rowsUnchanged == summary.rowsRead)
            }
            #expect(try await db.rowCounts() == before)
        }
    }

    @Test(arguments: TestDatabase.available)
    func oneBadRowRefusesTheWholeFile(engine: TestDatabase) async throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        try await engine.withDatabase { db in
            try await importAll(db, files)
            try await db.importFixtures([.deposits], files: files)
            let before = try await db.rowCounts()
            let path = try files.write("bad.csv", """
                invoice_id,account_id,issue_date,amount,currency,location_id
                N1,A1,2024-04-01,10.00,USD,
                N2,NOPE,2024-04-01,10.00,USD,
                N3,A1,2023-02-29,10.00,USD,
                N4,A1,2024-04-01,ten,USD,
                N5,A1,2024-04-01,10.00,EUR,L2
                I1,A1,2024-01-05,999.00,USD,L1
                """)
            await #expect(throws: ImportError.refused(file: path, errors: [
                RowError(file: path, line: 3, field: "account_id", reason: "unknown account NOPE"),
                RowError(file: path, line: 4, field: "issue_date", reason: "2023-02-29 does not exist"),
                RowError(file: path, line: 5, field: "amount", reason: "not an amount: \"ten\" (not a number)"),
                RowError(file: path, line: 6, field: "location_id", reason: "location L2 belongs to account A2"),
                RowError(file: path, line: 7, field: "invoice_id",
                         reason: "I1 is already stored with different content (2 lines stored, 1 in the file)"),
            ])) {
                try await db.importer().importFile(.invoices, path: path)
            }
            #expect(try await db.rowCounts() == before)
        }
    }

    @Test(arguments: TestDatabase.available)
    func skipInvalidWritesTheGoodRowsAndListsTheRest(engine: TestDatabase) async throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        try await engine.withDatabase { db in
            try await importAll(db, files)
            let path = try files.write("mixed.csv", """
                payment_id,account_id,received_on,amount,currency,invoice_id
                Q1,A2,2024-03-05,30.00,USD,
                Q2,A2,2024-03-05,-1.00,USD,
                Q3,A2,2024-03-05,5.00,USD,I1
                Q4,A2,2024-03-05,5.00,EUR,I4
                Q1,A2,2024-03-05,30.00,USD,
                Q1,A2,2024-03-06,30.00,USD,
                P1,A1,2024-02-10,1100.00,USD,
                """)
            let summary = try await db.importer().importFile(.payments, path: path, skipInvalid: true)
            #expect(summary.rejected.map(\.description) == [
                "\(path):3: amount: a payment must be greater than zero",
                "\(path):4: invoice_id: invoice I1 belongs to account A1",
                "\(path):5: currency: payment in EUR but invoice I4 is in USD",
                "\(path):7: payment_id: Q1 repeats line 2 with different content",
                "\(path):8: payment_id: P1 is already stored with different content (method: stored \"check\", file \"\")",
            ])
            #expect(summary.rowsRead == 7 && summary.rowsWritten == 1 && summary.rowsUnchanged == 1 && summary.rowsRejected == 5)
            let a2 = try #require(try await FluentLedgerQueries(db).ledgerReport(for: "A2", asOf: try Day(iso: "2024-03-31")))
            // I4 80.00 − CM1 10.00 − Q1 30.00.
            #expect(a2.invoices.map(\.open.decimalString) == ["40.00"])
        }
    }

    @Test(arguments: TestDatabase.available)
    func accountParentsAreCheckedInTheFileAndTheStore(engine: TestDatabase) async throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        try await engine.withDatabase { db in
            let path = try files.write("accounts.csv", """
                account_id,name,segment,parent_id
                C1,Child,commercial,P1
                P1,Parent,commercial,
                X1,Loop one,commercial,X2
                X2,Loop two,commercial,X1
                O1,Orphan,commercial,GHOST
                O2,Orphan's child,commercial,O1
                """)
            let summary = try await db.importer().importFile(.accounts, path: path, skipInvalid: true)
            #expect(summary.rowsWritten == 2)
            #expect(summary.rejected.map(\.description) == [
                "\(path):4: parent_id: parent chain of X1 loops back to itself",
                "\(path):5: parent_id: parent chain of X2 loops back to itself",
                "\(path):6: parent_id: unknown account GHOST",
                "\(path):7: parent_id: unknown account O1",
            ])
            let child = try await FluentAccountRepository(db).fetchAccounts(["C1"])
            #expect(child.first?.parentID == "P1")
        }
    }

    @Test(arguments: TestDatabase.available)
    func aFailureMidWriteRollsEverythingBack(engine: TestDatabase) async throws {
        struct Interrupted: Error {}
        let files = try Fixtures()
        defer { files.removeAll() }
        try await engine.withDatabase { db in
            try await importAll(db, files)
            try await db.importFixtures([.deposits], files: files)
            let before = try await db.rowCounts()
            var text = "invoice_id,account_id,issue_date,amount,currency\n"
            for index in 0..<4500 { text += "B\(index),R1,2024-05-01,1.00,USD\n" }
            let path = try files.write("big.csv", text)
            await #expect(throws: Interrupted.self) {
                try await db.importer().importFile(.invoices, path: path) { written in
                    if written >= 2000 { throw Interrupted() }
                }
            }
            #expect(try await db.rowCounts() == before)
        }
    }

    @Test(arguments: TestDatabase.available)
    func exportWritesTheImportFormatAndRoundTrips(engine: TestDatabase) async throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        try await engine.withDatabase { db in
            try await importAll(db, files)
            let invoices = try await db.exportText(.invoices)
            #expect(invoices.split(separator: "\n").first == "invoice_id,account_id,issue_date,due_date,amount,currency,location_id,job_id,description")
            #expect(invoices.contains("I1,A1,2024-01-05,2024-01-05,250.50,USD,L1,J1,\"Monitoring, January\""))
            try await TestDatabase.sqlite.withDatabase { copy in
                for kind in ImportKind.allCases {
                    let path = try files.write("export-\(kind).csv", try await db.exportText(kind))
                    _ = try await copy.importer().importFile(kind, path: path)
                }
                for kind in ImportKind.allCases {
                    #expect(try await copy.exportText(kind) == (try await db.exportText(kind)))
                }
                #expect(try await copy.rowCounts() == (try await db.rowCounts()))
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func openItemsAgreeWithAllocations(engine: TestDatabase) async throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        try await engine.withDatabase { db in
            try await importAll(db, files)
            try await db.importFixtures([.deposits], files: files)
            let rows = try await db.sql.raw("""
                SELECT o.kind, o.ref_id, o.original_minor, o.open_minor,
                  (SELECT COALESCE(CAST(SUM(a.amount_minor) AS BIGINT), 0) FROM allocations a
                     WHERE (o.kind = 'invoice' AND a.invoice_id = o.ref_id)
                        OR (o.kind = 'payment' AND a.payment_id = o.ref_id)
                        OR (o.kind = 'credit_memo' AND a.credit_memo_id = o.ref_id)
                        OR (o.kind = 'deposit' AND a.deposit_id = o.ref_id)) AS allocated
                FROM open_items o
                """).all()
            #expect(rows.count == 10)
            for row in rows {
                let original = try row.decode(column: "original_minor", as: Int64.self)
                let open = try row.decode(column: "open_minor", as: Int64.self)
                let allocated = try row.decode(column: "allocated", as: Int64.self)
                let id = try row.decode(column: "ref_id", as: String.self)
                #expect(original - allocated == open, "\(id)")
                #expect(open >= 0)
            }
            #expect(try await db.readModelDisagreements().isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func migratingTwiceIsANoOp(engine: TestDatabase) async throws {
        try await engine.withDatabase { db in
            #expect(try await db.pendingMigrations().isEmpty)
            try await db.migrate()
            #expect(try await db.rowCounts()["accounts"] == 0)
        }
    }
}
