import RapportCore
import RapportImport
import RapportStore
import RapportTestSupport
import Testing

@Suite("Storing payment arrangements")
struct ArrangementRepositoryTests {
    @Test(arguments: TestDatabase.available)
    func arrangementsRoundTripWithTheirInstallments(engine: TestDatabase) async throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        try await engine.withDatabase { db in
            _ = try await db.importer().importFile(.accounts, path: try files.write("accounts.csv", Fixtures.accounts))
            let repository = FluentArrangementRepository(db)
            let arrangement = PaymentArrangement(
                id: "PA1", accountID: "R1", agreedOn: try Day(iso: "2024-01-15"),
                installments: ArrangementPlan.monthly(total: Money(minorUnits: 120_000, currency: .usd), count: 12, first: try Day(iso: "2024-02-01")))
            try await repository.insertArrangement(arrangement)
            #expect(try await repository.fetchArrangements(accounts: ["R1"]) == [arrangement])
            #expect(try await repository.fetchArrangements(accounts: ["A1"]).isEmpty)
            #expect(try await repository.countArrangements() == 1)
        }
    }
}
