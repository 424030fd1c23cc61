import RapportCore
import RapportImport
import RapportStore
import RapportTestSupport
import Testing

@Suite("Storing cases")
struct CaseRepositoryTests {
    @Test(arguments: TestDatabase.available)
    func casesRoundTripWithTheirInvoicesAndFilters(engine: TestDatabase) async throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        try await engine.withDatabase { db in
            try await db.importFixtures([.accounts, .locations, .invoices], files: files)
            let repository = FluentCaseRepository(db)
            let opened = CaseWorkflow.open(
                id: "C1", accountID: "A1", invoiceIDs: ["I2", "I1"], category: .unrecordedChange,
                amountOnHold: Money(minorUnits: 30_000, currency: .usd), on: try Day(iso: "2024-02-10"))
            try await repository.insertCase(opened)
            #expect(try await repository.countCases() == 1)
            var stored = try #require(try await repository.fetchCase("C1"))
            #expect(stored.invoiceIDs == ["I1", "I2"] && stored.department == .sales && stored.slaDays == 5)
            stored = try CaseWorkflow.move(stored, to: .inProgress, on: try Day(iso: "2024-02-11"))
            stored = try CaseWorkflow.move(stored, to: .resolved, on: try Day(iso: "2024-02-12"),
                                           rootCause: "SALES.CANCEL_NOT_RECORDED", resolution: .creditMemo)
            stored.correctiveAction = "Sales enters cancellations in the billing queue"
            try await repository.updateCase(stored)
            let reread = try #require(try await repository.fetchCase("C1"))
            #expect(reread == stored)
            #expect(try await repository.fetchCases(department: .sales, status: .resolved, account: "A1").map(\.id) == ["C1"])
            #expect(try await repository.fetchCases(department: .billing, status: nil, account: nil).isEmpty)
            #expect(try await repository.fetchCase("NOPE") == nil)
        }
    }
}
