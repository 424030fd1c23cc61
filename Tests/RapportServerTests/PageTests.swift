import Foundation
import RapportApp
import RapportCore
import RapportStore
import RapportTestSupport
import Testing
import VaporTesting

@Suite("Web pages, roles, forms and the audit log")
struct PageTests {
    @Test(arguments: TestDatabase.available)
    func eachRoleSeesWhatItMayAndIsRefusedTheRest(engine: TestDatabase) async throws {
        try await withWebApp(engine) { app, _ in
            let kim = WebClient(app)
            try await kim.signIn("kim", WebFixture.password)
            let queue = try await kim.get("/queue?date=2024-06-30")
            #expect(queue.status == .ok && queue.body.contains("<h1>Queue of kim for 2024-06-30</h1>"))
            #expect(try await kim.get("/queue?specialist=lori").status == .forbidden)
            #expect(try await kim.get("/audit").status == .forbidden)
            #expect(try await kim.get("/accounts/A1").status == .ok)
            let ivan = WebClient(app)
            try await ivan.signIn("ivan", WebFixture.password)
            #expect(try await ivan.get("/queue").status == .forbidden)
            #expect(try await ivan.get("/accounts/A1").status == .forbidden)
            #expect(try await ivan.get("/cases?department=billing").status == .forbidden)
            let cases = try await ivan.get("/cases")
            #expect(cases.status == .ok && cases.body.contains("<h1>Cases of installation</h1>"))
            #expect(try await ivan.get("/audit").status == .forbidden)
            let mona = WebClient(app)
            try await mona.signIn("mona", WebFixture.password)
            #expect(try await mona.get("/queue?specialist=lori&date=2024-06-30").body.contains("Queue of lori"))
            #expect(try await mona.get("/audit").status == .ok)
            let forbidden = try await kim.get("/audit")
            #expect(forbidden.body.contains("<h1>Not allowed</h1>") && forbidden.body.contains("<title>Not allowed – Rapport</title>"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func unknownIdsAnswer404WithAPage(engine: TestDatabase) async throws {
        try await withWebApp(engine) { app, _ in
            let web = WebClient(app)
            try await web.signIn("mona", WebFixture.password)
            for path in ["/accounts/NOPE", "/cases/C999999"] {
                let page = try await web.get(path)
                #expect(page.status == .notFound && page.body.contains("<h1>Not found</h1>"))
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func aPostWithoutTheSessionsCSRFTokenChangesNothing(engine: TestDatabase) async throws {
        try await withWebApp(engine) { app, env in
            let web = WebClient(app)
            try await web.signIn("kim", WebFixture.password)
            _ = try await web.get("/accounts/A1")
            let fields = ["channel": "call", "purpose": "check_in", "outcome": "satisfied", "notes": "csrf-probe"]
            #expect(try await web.post("/accounts/A1/interactions", fields, csrf: false).status == .forbidden)
            #expect(try await web.post("/accounts/A1/interactions", fields.merging(["_csrf": "wrong"]) { $1 }, csrf: false).status == .forbidden)
            #expect(try await env.repositories.interactions.fetchInteractions(accounts: ["A1"]).isEmpty)
            #expect(try await web.get("/accounts/A1").body.contains("csrf-probe") == false)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aTouchWithErrorsComesBackWith422AndItsValues(engine: TestDatabase) async throws {
        try await withWebApp(engine) { app, _ in
            let web = WebClient(app)
            try await web.signIn("kim", WebFixture.password)
            _ = try await web.get("/accounts/A1")
            let page = try await web.post("/accounts/A1/interactions", [
                "channel": "call", "purpose": "check_in", "satisfaction": "9", "notes": "<script>alert(1)</script>",
            ], formToken: web.hidden("_form"))
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains("<title>Error: Acme, Inc. (A1) – Rapport</title>"))
            #expect(page.body.contains("There is a problem") && page.body.contains("href=\"#touch-outcome\""))
            #expect(page.body.contains("Satisfaction is a whole number from 1 to 5."))
            #expect(page.body.contains("<option value=\"call\" selected>"))
            #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !page.body.contains("<script>alert(1)"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func issueFoundLeadsToThePrefilledCaseFormAndTheInstallerResolvesIt(engine: TestDatabase) async throws {
        try await withWebApp(engine) { app, env in
            let kim = WebClient(app)
            try await kim.signIn("kim", WebFixture.password)
            _ = try await kim.get("/accounts/A1?purpose=check_in&invoice_id=I1&job_id=J1")
            let token = try #require(kim.hidden("_form"))
            let logged = try await kim.post("/accounts/A1/interactions", [
                "channel": "call", "purpose": "check_in", "outcome": "issue_found", "invoice_id": "I1", "job_id": "J1",
                "satisfaction": "2", "notes": "Two sensors still missing",
            ], formToken: token)
            #expect(logged.status == .seeOther)
            let next = try #require(logged.location)
            #expect(next.hasPrefix("/accounts/A1?") && next.contains("open_case=1") && next.contains("category=incomplete_installation"))
            // The same form sent twice logs one touch.
            let again = try await kim.post("/accounts/A1/interactions", [
                "channel": "call", "purpose": "check_in", "outcome": "issue_found", "invoice_id": "I1", "job_id": "J1",
            ], formToken: token)
            #expect(again.status == .seeOther && again.location?.contains("flash=already") == true)
            let prefilled = try await kim.get(next)
            #expect(prefilled.body.contains("<option value=\"incomplete_installation\" selected>"))
            #expect(prefilled.body.contains("id=\"case-invoice_id\" name=\"invoice_id\" type=\"text\" value=\"I1\""))
            let opened = try await kim.post("/cases", [
                "account_id": "A1", "category": "incomplete_installation", "invoice_id": "I1", "job_id": "J1", "notes": "Two sensors",
            ], formToken: Self.caseToken(prefilled.body))
            #expect(opened.status == .seeOther)
            let casePath = try #require(opened.location?.components(separatedBy: "?").first)
            #expect(casePath == "/cases/C000001")
            let touches = try await env.repositories.interactions.fetchInteractions(accounts: ["A1"])
            #expect(touches.count == 1 && touches[0].satisfaction == 2 && touches[0].jobID == "J1" && touches[0].notes == "Two sensors still missing")

            let ivan = WebClient(app)
            try await ivan.signIn("ivan", WebFixture.password)
            #expect(try await ivan.get("/cases").body.contains("C000001"))
            _ = try await ivan.get(casePath)
            let refused = try await ivan.post(casePath + "/resolve", ["resolution": "work_completed"], formToken: ivan.hidden("_form"))
            #expect(refused.status == .unprocessableEntity && refused.body.contains("Choose the root cause."))
            #expect(try await ivan.post(casePath + "/start", [:], formToken: ivan.hidden("_form")).status == .seeOther)
            _ = try await ivan.get(casePath)
            let resolved = try await ivan.post(casePath + "/resolve", [
                "resolution": "work_completed", "root_cause": "INST.PUNCH_LIST_OPEN",
            ], formToken: ivan.hidden("_form"))
            #expect(resolved.status == .seeOther)
            #expect(try await env.cases.get("C000001").status == .resolved)
            // Billing may not act on Installation's case.
            let bea = WebClient(app)
            try await bea.signIn("bea", WebFixture.password)
            #expect(try await bea.get(casePath).status == .forbidden)

            let audit = try await env.audit.list().filter { $0.entity == "case" }
            try #require(audit.map(\.action) == ["case.open", "case.start", "case.resolve"])
            #expect(audit.map(\.actor) == ["kim", "ivan", "ivan"])
            #expect(audit[0].after.contains("job=J1") && audit[0].after.contains("notes=Two sensors"))
            let stored = try await env.cases.get("C000001")
            #expect(stored.jobID == "J1" && stored.notes == "Two sensors")
            #expect(try await ivan.get(casePath).body.contains("<dt>What was found</dt><dd>Two sensors</dd>"))
            #expect(audit[2].before.contains("status=in_progress") && audit[2].after.contains("status=resolved")
                    && audit[2].after.contains("rootCause=INST.PUNCH_LIST_OPEN"))
            let mona = WebClient(app)
            try await mona.signIn("mona", WebFixture.password)
            let log = try await mona.get("/audit")
            #expect(log.body.contains("case.resolve") && log.body.contains("ivan"))
        }
    }

    /// The `_form` token of the case form (the second form with one on the account page).
    static func caseToken(_ body: String) -> String? {
        guard let range = body.range(of: "action=\"/cases\"") else { return nil }
        return WebClient.hidden("_form", in: String(body[range.upperBound...]))
    }
}
