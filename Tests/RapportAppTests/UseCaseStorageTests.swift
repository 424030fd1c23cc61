import RapportApp
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

/// The use cases on the real store, SQLite and (with DATABASE_URL) PostgreSQL.
@Suite("Use cases on both databases")
struct UseCaseStorageTests {
    @Test(arguments: TestDatabase.available)
    func twoServerInstancesOpeningCasesAtOnceNeverShareAnId(engine: TestDatabase) async throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        try await engine.withDatabase { db in
            try await db.importFixtures([.accounts, .locations, .invoices], files: files)
            let other = try await RapportDatabase.open(db.location)
            let instances = [db.app(), other.app()]
            let ids = try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<20 {
                    group.addTask {
                        try await instances[index % 2].cases.open(.init(accountID: "A1", category: .billingError, invoiceIDs: ["I1"])).id.rawValue
                    }
                }
                var all: [String] = []
                for try await id in group { all.append(id) }
                return all
            }
            await other.close()
            #expect(Set(ids).count == 20)
            #expect(ids.sorted() == (1...20).map { "C" + String(repeating: "0", count: 6 - String($0).count) + String($0) })
            // The amount on hold is what was open on I1.
            #expect(try await db.app().cases.get("C000001").amountOnHold == Money(minorUnits: 125_050, currency: .usd))
        }
    }

    @Test(arguments: TestDatabase.available)
    func anArrangementCoversTheInvoicesOpenWhenAgreed(engine: TestDatabase) async throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        try await engine.withDatabase { db in
            try await db.importFixtures([.accounts, .locations, .invoices, .payments], files: files)
            let app = db.app()
            let agreed = try await app.arrangements.add(
                account: "A1", total: "1500", currency: "USD", installments: 3, first: try Day(iso: "2024-02-10"),
                agreedOn: try Day(iso: "2024-02-01"))
            #expect(agreed.invoiceIDs == ["I1"])
            let listed = try await app.arrangements.list(account: "A1", asOf: try Day(iso: "2024-03-31"))
            #expect(listed.map(\.arrangement) == [agreed] && listed[0].standing.paid == Money(minorUnits: 110_000, currency: .usd))
            await #expect(throws: AppError.invalid("invoice I3 belongs to account R1, not A1")) {
                _ = try await app.arrangements.add(account: "A1", total: "10", currency: "USD", installments: 1,
                                                   first: try Day(iso: "2024-02-10"), agreedOn: try Day(iso: "2024-02-01"), invoices: ["I3"])
            }
        }
    }
}
