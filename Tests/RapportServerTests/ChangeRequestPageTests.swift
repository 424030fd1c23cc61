import Foundation
import RapportApp
import RapportCore
import RapportTestSupport
import Testing
import VaporTesting

@Suite("Web change requests")
struct ChangeRequestPageTests {
    @Test(arguments: TestDatabase.available)
    func requestsAreListedAndOnlyBillingOrAManagerAppliesThemAudited(engine: TestDatabase) async throws {
        try await withWebApp(engine) { app, env in
            _ = try await env.changeRequests.add(.init(
                accountID: "A1", kind: .addOn, service: "Camera <outdoor>", effectiveOn: Day(iso: "2024-04-01"), reportedBy: .service,
                reportedOn: Day(iso: "2024-03-01"), id: "CR-1"))
            let kim = WebClient(app)
            try await kim.signIn("kim", WebFixture.password)
            let page = try await kim.get("/change-requests")
            #expect(page.status == .ok && page.body.contains("<h1>Change requests</h1>"))
            #expect(page.body.contains("Camera &lt;outdoor&gt;") && page.body.contains("add-on") && !page.body.contains("/change-requests/CR-1/apply"))
            #expect(try await kim.post("/change-requests/CR-1/apply", [:]).status == .forbidden)
            let ivan = WebClient(app)
            try await ivan.signIn("ivan", WebFixture.password)
            #expect(try await ivan.get("/change-requests").status == .forbidden)

            let bea = WebClient(app)
            try await bea.signIn("bea", WebFixture.password)
            let list = try await bea.get("/change-requests?open=true")
            #expect(list.body.contains(#"action="/change-requests/CR-1/apply""#))
            let token = try #require(bea.hidden("_form"))
            let applied = try await bea.post("/change-requests/CR-1/apply", [:], formToken: token)
            #expect(applied.status == .seeOther && applied.location?.contains("flash=change-applied") == true)
            let again = try await bea.post("/change-requests/CR-1/apply", [:], formToken: token)
            #expect(again.status == .seeOther && again.location?.contains("flash=already") == true)
            #expect(try await env.changeRequests.list().changeRequests.first?.appliedOn != nil)
            let audit = try await env.audit.list().filter { $0.entity == "change_request" }
            #expect(audit.map(\.action) == ["change_request.add", "change_request.apply"] && audit.map(\.actor) == ["cli", "bea"])
            #expect(audit.allSatisfy { $0.entityID == "CR-1" })
            #expect(!(try await bea.get("/change-requests?open=true").body.contains("CR-1")))
            #expect(try await bea.post("/change-requests/CR-9/apply", [:], formToken: "x-CR-9").status == .notFound)
        }
    }
}
