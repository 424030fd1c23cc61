import RapportApp
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

/// The account page for a key account and its child, from the fixture company, on both databases.
@Suite("Account overview")
struct AccountOverviewTests {
    @Test(arguments: TestDatabase.available)
    func aKeyAccountsPageShowsItsFamilyOnOnePage(engine: TestDatabase) async throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        try await engine.withDatabase { db in
            try await db.importFixtures([.accounts, .locations, .invoices, .payments, .jobs, .followups, .creditMemos, .contacts], files: files)
            let app = db.app()
            _ = try await app.interactions.log(.init(
                accountID: "A2", channel: .call, purpose: .checkIn, outcome: .issueFound, by: "lori", notes: "sensor beeps",
                on: try Day(iso: "2024-03-12")))
            _ = try await app.cases.open(.init(accountID: "A2", category: .serviceQuality, invoiceIDs: ["I4"], on: try Day(iso: "2024-03-12")))
            let page = try await app.accounts.overview("A1", asOf: try Day(iso: "2024-03-31"))
            #expect(page.accounts.map(\.id) == ["A1", "A2"])
            // A1: I1 150.50 open, 300.00 of P2 unapplied; A2: I4 80.00 − CM1 10.00.
            #expect(page.balances == [Money(minorUnits: 15_050 - 30_000 + 7_000, currency: .usd)])
            #expect(page.openByLocation.map { "\($0.accountID)/\($0.name): \($0.invoices.map { "\($0.invoiceID) \($0.open.decimalString) \($0.bucket)" })" } == [
                "A1/HQ: [\"I1 150.50 61-90\"]", "A2/East site: [\"I4 70.00 1-30\"]",
            ])
            #expect(page.jobsWithOpenFollowUps.map(\.id) == ["J1"] && page.jobsWithOpenFollowUps[0].followUps.map(\.id) == ["F2"])
            #expect(page.openCases.map(\.id) == ["C000001"])
            #expect(page.whoToCall.sites.flatMap(\.contacts).map(\.id).sorted() == ["K1", "K2", "K3"])
            // Newest first: the case and the touch of Mar 12, then P2 on Mar 10, CM1 on Mar 5 …
            #expect(page.timeline.prefix(4).map { "\($0.day) \($0.kind.rawValue) \($0.id)" } == [
                "2024-03-12 case_opened C000001", "2024-03-12 touch T000001", "2024-03-10 payment P2", "2024-03-05 credit_memo CM1",
            ])
            #expect(page.timeline.last.map { "\($0.day) \($0.id)" } == "2024-01-05 I1")
            await #expect(throws: AppError.notFound("unknown account NOPE")) { _ = try await app.accounts.overview("NOPE") }
        }
    }
}
