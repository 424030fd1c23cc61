import RapportCore
import RapportImport
import RapportStore
import RapportTestSupport
import Testing

@Suite("Storing change requests")
struct ChangeRequestRepositoryTests {
    @Test(arguments: TestDatabase.available)
    func storedAppliedAndTheirInvoicesFound(engine: TestDatabase) async throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        try await engine.withDatabase { db in
            try await db.importFixtures([.accounts, .locations, .invoices], files: files)
            let repository = FluentChangeRequestRepository(db)
            var change = ChangeRequest(id: "R1", accountID: "A1", locationID: "L1", kind: .cancellation, service: "Monitoring",
                                       description: "told to Dave", effectiveOn: try Day(iso: "2024-01-31"), reportedBy: .sales,
                                       reportedOn: try Day(iso: "2024-01-20"))
            try await repository.insertChangeRequest(change)
            #expect(try await repository.fetchChangeRequest("R1") == change)
            #expect(try await repository.fetchChangeRequests(account: "A1", openOnly: true).map(\.id) == ["R1"])
            change.appliedOn = try Day(iso: "2024-02-07")
            try await repository.updateChangeRequest(change)
            #expect(try await repository.fetchChangeRequests(account: nil, openOnly: true).isEmpty)
            #expect(try await repository.fetchChangeRequest("R1")?.appliedOn == change.appliedOn)
            let later = try await repository.fetchInvoices(accounts: ["A1"], issuedAfter: try Day(iso: "2024-01-31"))
            #expect(later.map(\.id) == ["I2"])
            #expect(try await repository.countChangeRequests() == 1)
        }
    }
}
