import Foundation
import RapportApp
import RapportStore
import RapportTestSupport
import Testing
import VaporTesting

@Suite("Web follow-up items")
struct FollowUpPageTests {
    @Test(arguments: TestDatabase.available)
    func openItemsAreListedByDepartmentAndOnlyTheirDepartmentMarksThemDone(engine: TestDatabase) async throws {
        try await withWebApp(engine) { app, env in
            let ivan = WebClient(app)
            try await ivan.signIn("ivan", WebFixture.password)
            let own = try await ivan.get("/followups")
            #expect(own.status == .ok && own.body.contains("<h1>Follow-up items of installation</h1>") && own.body.contains("No open follow-up items."))
            #expect(try await ivan.get("/followups?department=customer_care").status == .forbidden)
            let refused = try await ivan.post("/followups/F2/done", [:])
            #expect(refused.status == .forbidden)
            let mona = WebClient(app)
            try await mona.signIn("mona", WebFixture.password)
            let all = try await mona.get("/followups")
            #expect(all.body.contains("Train the staff on the keypad") && all.body.contains("/invoices/I1"))
            let done = try await mona.post("/followups/F2/done", [:], formToken: mona.hidden("_form"))
            #expect(done.status == .seeOther && done.location?.contains("flash=followup-done") == true)
            #expect(try await env.followUps.get("F2").completedOn != nil)
            #expect(!(try await mona.get("/followups").body.contains("Train the staff")))
            let audit = try await env.audit.list().filter { $0.entity == "followup" }
            #expect(audit.map(\.action) == ["followup.done"] && audit[0].actor == "mona" && audit[0].entityID == "F2")
            #expect(try await mona.get("/followups/F2").status == .notFound)
        }
    }
}
