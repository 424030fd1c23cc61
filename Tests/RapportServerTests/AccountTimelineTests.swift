import Foundation
import RapportApp
import RapportCore
import RapportTestSupport
import Testing
import VaporTesting
@testable import RapportServer

/// The account page's timeline: the latest events, and every one on request; selects keep the value sent.
@Suite("Web account timeline")
struct AccountTimelineTests {
    @Test(arguments: TestDatabase.available)
    func theLatestEventsAreShownAndAllOnRequest(engine: TestDatabase) async throws {
        try await withWebApp(engine) { app, env in
            let kim = WebClient(app)
            try await kim.signIn("kim", WebFixture.password)
            for index in 1...30 {
                _ = try await kim.get("/accounts/A1")
                let logged = try await kim.post("/accounts/A1/interactions", [
                    "channel": "call", "purpose": "follow_up", "outcome": "no_answer", "notes": "attempt \(index)",
                ], formToken: kim.hidden("_form"))
                #expect(logged.status == .seeOther)
            }
            let total = try await env.accounts.overview("A1").timeline.count
            #expect(total > 30)
            let recent = try await kim.get("/accounts/A1")
            let rows = { (page: String) in page.components(separatedBy: "<tbody>").last!.components(separatedBy: "</tbody>")[0].components(separatedBy: "<tr>").count - 1 }
            #expect(rows(recent.body) == AccountView.recentEvents)
            #expect(recent.body.contains("The latest \(AccountView.recentEvents) events"))
            #expect(recent.body.contains(#"<a href="/accounts/A1?timeline=all#timeline-h">Show every event</a>"#))
            #expect(!recent.body.contains("attempt 5<") && recent.body.contains("attempt 30"))
            let all = try await kim.get("/accounts/A1?timeline=all")
            #expect(rows(all.body) == total && all.body.contains("attempt 1") && !all.body.contains("Show every event"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func aRefusedTouchKeepsTheChoicesMade(engine: TestDatabase) async throws {
        try await withWebApp(engine) { app, _ in
            let kim = WebClient(app)
            try await kim.signIn("kim", WebFixture.password)
            _ = try await kim.get("/accounts/A1")
            let refused = try await kim.post("/accounts/A1/interactions", ["channel": "visit", "purpose": "check_in", "outcome": "bogus"],
                                             formToken: kim.hidden("_form"))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains(#"<option value="visit" selected>visit</option>"#))
            #expect(refused.body.contains(#"<option value="check_in" selected>check_in</option>"#))
            #expect(refused.body.contains(#"<option value="call">call</option>"#))
        }
    }
}
