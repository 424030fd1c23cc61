import RapportCore
import RapportImport
import RapportStore
import RapportTestSupport
import Testing

@Suite("Storing credit reviews and contacts")
struct ReviewAndContactRepositoryTests {
    @Test(arguments: TestDatabase.available)
    func roundTrips(engine: TestDatabase) async throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        try await engine.withDatabase { db in
            try await db.importFixtures([.accounts, .locations, .contacts], files: files)
            let contacts = try await FluentContactRepository(db).fetchContacts(accounts: ["A1"])
            #expect(contacts.map(\.id) == ["K1", "K2"] && contacts[1].locationID == "L1" && contacts[0].email == "pat@acme.example")
            let reviews = FluentCreditReviewRepository(db)
            let review = CreditReview(id: "CR1", accountID: "A2", reviewedOn: try Day(iso: "2024-03-04"), references: ["One", "Two"],
                                      industryCreditGroupNote: "slow payer", decision: .depositRequired,
                                      creditLimit: Money(minorUnits: 500_000, currency: .usd))
            try await reviews.insertCreditReview(review)
            #expect(try await reviews.fetchCreditReviews(account: "A2") == [review])
            #expect(try await reviews.countCreditReviews() == 1)
            let data = try #require(try await FluentQueueRepository(db).fetchQueueData(specialist: "lori", day: try Day(iso: "2024-03-05")))
            #expect(data.input.creditReviews.map(\.id) == ["CR1"])
        }
    }
}
