import Foundation
import RapportApp
import RapportCore
import RapportTestSupport
import Testing
import VaporTesting

@Suite("Web corrective actions")
struct CorrectiveActionPageTests {
    @Test(arguments: TestDatabase.available)
    func actionsAreListedWithTheirEffectOnceImplementedAndOnlyForManagers(engine: TestDatabase) async throws {
        try await withWebApp(engine) { app, env in
            let cause = try #require(RootCauseTaxonomy.standard.causes.keys.sorted().first)
            _ = try await env.correctiveActions.add(
                rootCause: cause, description: "Check <punch lists> before billing off", department: .installation, due: Day(iso: "2024-04-01"), id: "CA-1")
            _ = try await env.correctiveActions.add(rootCause: cause, description: "Later one", department: .billing, due: Day(iso: "2024-05-01"), id: "CA-2")
            _ = try await env.correctiveActions.implement("CA-1", on: Day(iso: "2024-03-01"))
            let mona = WebClient(app)
            try await mona.signIn("mona", WebFixture.password)
            let page = try await mona.get("/corrective-actions?window=30")
            #expect(page.status == .ok && page.body.contains("<h1>Corrective actions</h1>"))
            #expect(page.body.contains("Check &lt;punch lists&gt; before billing off"))
            let first = try #require(page.body.range(of: "CA-1")), second = try #require(page.body.range(of: "CA-2"))
            #expect(first.lowerBound < second.lowerBound)
            #expect(page.body.contains("<td>2024-03-01</td>") && page.body.contains("<td>not yet</td>"))
            #expect(try await mona.get("/corrective-actions?window=0").status == .unprocessableEntity)
            let kim = WebClient(app)
            try await kim.signIn("kim", WebFixture.password)
            #expect(try await kim.get("/corrective-actions").status == .forbidden)
        }
    }
}
