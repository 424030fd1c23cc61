import RapportApp
import RapportCore
import RapportImport
import RapportStore
import RapportTestSupport
import Testing

/// Concurrent single records written together, each answered as if alone.
@Suite("Import batcher on both databases")
struct ImportBatcherTests {
    /// An invoice's file rows in `ImportKind.invoices.columns` order.
    private static func invoice(_ id: String, account: String = "R1", amounts: [String] = ["10.00"]) -> [[String]] {
        amounts.map { [id, account, "2024-04-01", "", $0, "USD", "", "", "Monitoring"] }
    }

    @Test(arguments: TestDatabase.available)
    func concurrentRecordsGetTheirOwnAnswersAndRowErrors(engine: TestDatabase) async throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        try await engine.withDatabase { db in
            try await db.importFixtures([.accounts, .locations], files: files)
            let app = db.app().acting(as: "mona")
            let batcher = ImportBatcher()
            let requests: [(String, [[String]])] = (1...12).map { ("N\($0)", Self.invoice("N\($0)")) } + [
                ("BAD-ACCOUNT", Self.invoice("BAD-ACCOUNT", account: "ZZ")),
                ("BAD-LINE", Self.invoice("BAD-LINE", amounts: ["5.00", "five"])),
                ("N1-AGAIN", Self.invoice("N1")),
            ]
            let outcomes = await withTaskGroup(of: (String, Result<Bool, any Error>).self) { group in
                for (name, rows) in requests {
                    group.addTask {
                        do { return (name, .success(try await batcher.write(.invoices, rows: rows, env: app))) } catch { return (name, .failure(error)) }
                    }
                }
                var all: [String: Result<Bool, any Error>] = [:]
                for await (name, outcome) in group { all[name] = outcome }
                return all
            }
            for index in 2...12 { #expect((try? outcomes["N\(index)"]?.get()) == true) }
            // N1 twice: one created it, the other found it stored (they never share a batch).
            let twice = [try? outcomes["N1"]?.get(), try? outcomes["N1-AGAIN"]?.get()].compactMap { $0 }
            #expect(twice.count == 2 && twice.filter { $0 }.count == 1)
            #expect(Self.errors(outcomes["BAD-ACCOUNT"]) == [RowError(file: "api-invoices.csv", line: 2, field: "account_id", reason: "unknown account ZZ")])
            let badLine = Self.errors(outcomes["BAD-LINE"])
            #expect(badLine.map(\.line) == [2, 3] && badLine.map(\.field) == ["invoice_id", "amount"])
            #expect(badLine.first?.reason == "invoice BAD-LINE has an invalid line (line 3)", "lines counted in the record's own file")
            let stored = try await app.repositories.invoices.fetchInvoices((1...12).map { Invoice.ID("N\($0)") } + ["BAD-ACCOUNT", "BAD-LINE"])
            #expect(stored.count == 12)
            let (batches, written) = (await batcher.batches, await batcher.requests)
            #expect(written == requests.count && batches >= 2, "N1 and its repeat need two batches")
        }
    }

    private static func errors(_ outcome: Result<Bool, any Error>?) -> [RowError] {
        guard case .failure(ImportError.refused(_, let errors)) = outcome else { return [] }
        return errors
    }
}
