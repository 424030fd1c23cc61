import Foundation
import RapportApp
import RapportCore
import RapportTestSupport
import Testing
import VaporTesting

@Suite("Web promises")
struct PromisePageTests {
    @Test(arguments: TestDatabase.available)
    func promisesAreListedDueThisWeekThenActiveThenBroken(engine: TestDatabase) async throws {
        try await withWebApp(engine) { app, env in
            let made = try Day(iso: "2024-03-01")
            _ = try await env.promises.add(account: "A2", amount: "80.00", currency: "USD", promisedFor: Day(iso: "2024-03-12"), invoice: "I4", madeOn: made, id: "PR-SOON")
            _ = try await env.promises.add(account: "A1", amount: "5000.00", currency: "USD", promisedFor: Day(iso: "2024-04-20"), madeOn: made, id: "PR-LATER")
            _ = try await env.promises.add(account: "A1", amount: "300.00", currency: "USD", promisedFor: Day(iso: "2024-03-05"), madeOn: made, id: "PR-LATE")
            let kim = WebClient(app)
            try await kim.signIn("kim", WebFixture.password)
            let page = try await kim.get("/promises?date=2024-03-10")
            #expect(page.status == .ok && page.body.contains("<h1>Promises to pay on 2024-03-10</h1>"))
            let soon = try #require(page.body.range(of: "PR-SOON")), later = try #require(page.body.range(of: "PR-LATER"))
            let late = try #require(page.body.range(of: "PR-LATE<"))
            let week = try #require(page.body.range(of: "Due this week (1)")), broken = try #require(page.body.range(of: "Broken (1)"))
            #expect(week.lowerBound < soon.lowerBound && soon.lowerBound < later.lowerBound && later.lowerBound < broken.lowerBound)
            #expect(broken.lowerBound < late.lowerBound)
            #expect(page.body.contains(#"<a href="/invoices/I4">I4</a>"#))
            #expect(try await kim.get("/promises?date=2024-02-31").status == .unprocessableEntity)
            let ivan = WebClient(app)
            try await ivan.signIn("ivan", WebFixture.password)
            #expect(try await ivan.get("/promises").status == .forbidden)
        }
    }
}
