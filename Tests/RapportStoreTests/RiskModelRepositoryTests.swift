import RapportCore
import RapportImport
import RapportStore
import RapportTestSupport
import Testing

@Suite("Storing risk models")
struct RiskModelRepositoryTests {
    @Test(arguments: TestDatabase.available)
    func trainingDataAndTheNewestModelRoundTrip(engine: TestDatabase) async throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        try await engine.withDatabase { db in
            try await db.importFixtures([.accounts, .locations, .invoices, .payments], files: files)
            let repository = FluentRiskModelRepository(db)
            #expect(try await repository.fetchLatestModel() == nil)
            let invoices = try await repository.fetchTrainingInvoices(asOf: try Day(iso: "2024-03-31"))
            #expect(invoices.count == 4)
            #expect(invoices.first { $0.id == "I2" }?.paidOn == (try Day(iso: "2024-03-10")))
            #expect(invoices.first { $0.id == "I1" }?.paidOn == nil)
            let accounts = Dictionary(uniqueKeysWithValues: try await FluentAccountRepository(db).fetchAccounts(["A1", "A2", "R1"]).map { ($0.id, $0) })
            let first = RiskTraining.train(invoices: invoices, accounts: accounts, cases: [], jobs: [:], asOf: try Day(iso: "2024-03-31"))
            try await repository.saveModel(first)
            var second = first
            second.asOf = try Day(iso: "2024-04-30")
            try await repository.saveModel(second)
            #expect(try await repository.fetchLatestModel() == second)
        }
    }
}
