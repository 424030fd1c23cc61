import Foundation
import RapportTestSupport
import Testing

@Suite("rapport command line")
struct CLITests {
    /// A runner in a fresh folder with the fixtures written into it.
    func setUp() throws -> (CLIRunner, Fixtures) {
        let files = try Fixtures()
        try files.write("accounts.csv", Fixtures.accounts)
        try files.write("locations.csv", Fixtures.locations)
        try files.write("invoices.csv", Fixtures.invoices)
        try files.write("payments.csv", Fixtures.payments)
        return (CLIRunner(workingDirectory: files.folder), files)
    }

    func importAll(_ cli: CLIRunner, db: [String]) throws {
        for kind in ["accounts", "locations", "invoices", "payments"] {
            let result = try cli.run(["import", kind, "\(kind).csv"] + db)
            #expect(result.code == 0, "\(kind): \(result.stderr)")
        }
    }

    @Test func helpExitsZeroForEveryCommand() throws {
        let (cli, files) = try setUp()
        defer { files.removeAll() }
        for command in [[], ["migrate"], ["import"], ["export"], ["ledger"], ["serve"]] {
            let result = try cli.run(command + ["--help"])
            #expect(result.code == 0)
            #expect(result.stdout.contains("USAGE: rapport"))
            #expect(command.isEmpty || result.stdout.contains("--db"))
        }
    }

    @Test func usageErrorsExitTwo() throws {
        let (cli, files) = try setUp()
        defer { files.removeAll() }
        for arguments in [["frobnicate"], ["import", "widgets", "x.csv"], ["import", "accounts"],
                          ["ledger", "A1", "--as-of", "2023-02-29"], ["ledger", "A1", "--format", "xml"],
                          ["serve", "--port", "70000"]] {
            let result = try cli.run(arguments + ["--db", "t.sqlite"])
            #expect(result.code == 2, "\(arguments): \(result.stderr)")
            #expect(!result.stderr.isEmpty)
        }
        let leap = try cli.run(["ledger", "A1", "--as-of", "2023-02-29", "--db", "t.sqlite"])
        #expect(leap.stderr.contains("2023-02-29 does not exist"))
    }

    @Test func importThenLedgerAsJSON() throws {
        let (cli, files) = try setUp()
        defer { files.removeAll() }
        let db = ["--db", "company.sqlite"]
        #expect(try cli.run(["migrate"] + db).stdout.contains("applied"))
        #expect(try cli.run(["migrate"] + db).stdout.contains("up to date"))
        try importAll(cli, db: db)
        let result = try cli.run(["ledger", "A1", "--as-of", "2024-03-31", "--format", "json"] + db)
        #expect(result.code == 0)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        #expect(json["accountId"] as? String == "A1")
        #expect(json["balances"] as? [String: String] == ["USD": "-149.50"])
        let invoices = json["invoices"] as! [[String: Any]]
        #expect(invoices.map { $0["invoiceId"] as! String } == ["I1", "I2"])
        #expect(invoices.map { $0["open"] as! String } == ["150.50", "0.00"])
        #expect(invoices.map { $0["daysPastDue"] as! Int } == [86, 0])
        let table = try cli.run(["ledger", "A1", "--as-of", "2024-03-31"] + db)
        #expect(table.stdout.contains("1,250.50") && table.stdout.contains("balance USD: -149.50"))
        let unknown = try cli.run(["ledger", "NOPE"] + db)
        #expect(unknown.code == 1 && unknown.stderr.contains("unknown account NOPE"))
    }

    @Test func exportWritesTheImportFormat() throws {
        let (cli, files) = try setUp()
        defer { files.removeAll() }
        let db = ["--db", "company.sqlite"]
        try importAll(cli, db: db)
        let out = try cli.run(["export", "payments", "--out", "out.csv"] + db)
        #expect(out.code == 0)
        let text = try String(contentsOfFile: files.path("out.csv"), encoding: .utf8)
        #expect(text == """
            payment_id,account_id,received_on,amount,currency,invoice_id,method
            P1,A1,2024-02-10,1100.00,USD,,check
            P2,A1,2024-03-10,600.00,USD,I2,ach
            P3,R1,2024-03-01,49.99,USD,I3,card

            """)
        let stdout = try cli.run(["export", "accounts"] + db)
        #expect(stdout.stdout.hasPrefix("account_id,name,segment,parent_id,"))
        #expect(stdout.stdout.contains("A1,\"Acme, Inc.\",commercial,,quarterly,lori,true,false,2020-01-15"))
    }

    @Test func badRowsExitOneAndWriteNothing() throws {
        let (cli, files) = try setUp()
        defer { files.removeAll() }
        let db = ["--db", "company.sqlite"]
        try cli.run(["import", "accounts", "accounts.csv"] + db).expectSuccess()
        try files.write("bad.csv", "location_id,account_id,name\nL1,A1,HQ\nL9,GHOST,Nowhere\n")
        let refused = try cli.run(["import", "locations", "bad.csv"] + db)
        #expect(refused.code == 1)
        #expect(refused.stderr.contains("bad.csv:3: account_id: unknown account GHOST"))
        #expect(refused.stderr.contains("nothing was imported"))
        #expect(try cli.run(["export", "locations"] + db).stdout == "location_id,account_id,name,address\n")
        let skipped = try cli.run(["import", "locations", "bad.csv", "--skip-invalid"] + db)
        #expect(skipped.code == 0)
        #expect(skipped.stderr.contains("skipped bad.csv:3: account_id: unknown account GHOST"))
        #expect(skipped.stdout.contains("bad.csv: 2 rows read, 1 written, 0 unchanged, 1 rejected"))
        let missing = try cli.run(["import", "locations", "absent.csv"] + db)
        #expect(missing.code == 1 && missing.stderr.contains("absent.csv: cannot read: no such file"))
        try files.write("header.csv", "location_id,name\nL1,HQ\n")
        let header = try cli.run(["import", "locations", "header.csv"] + db)
        #expect(header.code == 1 && header.stderr.contains("header.csv:1: account_id: required column is missing"))
        try files.write("quote.csv", "location_id,account_id,name\nL1,A1,\"HQ\n")
        let quote = try cli.run(["import", "locations", "quote.csv"] + db)
        #expect(quote.code == 1 && quote.stderr.contains("quote.csv:2: quoted field is never closed"))
    }

    @Test func killedImportLeavesTheDatabaseAsBefore() throws {
        let (cli, files) = try setUp()
        defer { files.removeAll() }
        let db = ["--db", "company.sqlite"]
        try importAll(cli, db: db)
        let before = try cli.run(["export", "invoices"] + db).stdout
        var text = "invoice_id,account_id,issue_date,amount,currency\n"
        for index in 0..<5000 { text += "K\(index),R1,2024-06-01,1.00,USD\n" }
        try files.write("big.csv", text)
        var holding = cli
        holding.environment["RAPPORT_IMPORT_HOLD_AFTER_BATCH"] = "1"
        let seen = try holding.runAndKill(["import", "invoices", "big.csv"] + db, whenStderrContains: "holding the import")
        #expect(seen.contains("big.csv: wrote 2000"))
        #expect(try cli.run(["export", "invoices"] + db).stdout == before)
        let retry = try cli.run(["import", "invoices", "big.csv"] + db)
        #expect(retry.code == 0 && retry.stdout.contains("5000 rows read, 5000 written"))
    }

    @Test func aDepositImportedBeforeTheInvoiceGoesToTheJobsFinalInvoice() throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        let db = ["--db", "d.sqlite"]
        let cli = try files.importedRunner(["accounts", "locations", "jobs", "deposits"], db: db)
        let held = try cli.run(["ledger", "A1", "--as-of", "2024-03-31", "--format", "json"] + db)
        #expect(held.stdout.contains("\"-500.00\""), "\(held.stdout)")         // D1 held as unapplied credit
        try files.write("invoices.csv", Fixtures.invoices)
        #expect(try cli.run(["import", "invoices", "invoices.csv"] + db).code == 0)
        let applied = try cli.run(["ledger", "A1", "--as-of", "2024-03-31", "--format", "json"] + db)
        let json = try JSONSerialization.jsonObject(with: Data(applied.stdout.utf8)) as! [String: Any]
        let invoices = json["invoices"] as! [[String: Any]]
        #expect(invoices.map { $0["open"] as! String } == ["750.50", "300.00"])
        let export = try cli.run(["export", "deposits"] + db)
        #expect(export.stdout.hasPrefix("deposit_id,account_id,job_id,received_on,amount,currency\n"))
    }

    @Test(.enabled(if: TestDatabase.postgresURL != nil))
    func runsOnPostgreSQLFromDatabaseURL() async throws {
        let (cli, files) = try setUp()
        defer { files.removeAll() }
        try await TestDatabase.withScratchPostgresDatabase { url in
            var runner = cli
            runner.environment["DATABASE_URL"] = url
            try importAll(runner, db: [])
            let ledger = try runner.run(["ledger", "A1", "--as-of", "2024-03-31", "--format", "json"])
            #expect(ledger.code == 0 && ledger.stdout.contains("\"-149.50\""))
            let again = try runner.run(["import", "invoices", "invoices.csv"])
            #expect(again.stdout.contains("5 rows read, 0 written, 5 unchanged, 0 rejected"))
        }
    }
}

extension CLIRunner.Result {
    func expectSuccess() {
        #expect(code == 0, "\(stderr)")
    }
}
