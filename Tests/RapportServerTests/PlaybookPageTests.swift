import Foundation
import RapportCore
import RapportTestSupport
import Testing
import VaporTesting

@Suite("Web playbook settings")
struct PlaybookPageTests {
    @Test(arguments: TestDatabase.available)
    func theAdminSeesEveryRuleInForceAndNoOneElseDoes(engine: TestDatabase) async throws {
        try await withWebApp(engine) { app, _ in
            let ada = WebClient(app)
            try await ada.signIn("ada", WebFixture.password)
            let page = try await ada.get("/settings/playbook")
            #expect(page.status == .ok && page.body.contains("<h1>Playbook rules in force</h1>"))
            for rule in Playbook.standard.rules { #expect(page.body.contains("<th scope=\"row\">\(rule.id)</th>"), "\(rule.id)") }
            #expect(page.body.contains("8 days after") && page.body.contains("5000.00 (any currency)") && page.body.contains("every 30 days"))
            let mona = WebClient(app)
            try await mona.signIn("mona", WebFixture.password)
            #expect(try await mona.get("/settings/playbook").status == .forbidden)
        }
    }
}
