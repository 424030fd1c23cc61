import Foundation
import RapportApp
import RapportCore
import RapportTestSupport
import Testing
import VaporTesting

/// The account page's promise, arrangement, billing-change and change-request forms.
@Suite("Web account agreements")
struct AccountAgreementPageTests {
    /// The `_form` token of the form posting to `action` on the client's last page.
    static func token(_ client: WebClient, _ action: String) throws -> String {
        let body = client.lastBody
        let start = try #require(body.range(of: #"action="\#(action)""#))
        let rest = body[start.upperBound...]
        let field = try #require(rest.range(of: #"name="_form" value=""#))
        return String(rest[field.upperBound...].prefix { $0 != "\"" })
    }

    @Test(arguments: TestDatabase.available)
    func aPromiseIsRecordedOnceAuditedAndShown(engine: TestDatabase) async throws {
        try await withWebApp(engine) { app, env in
            let kim = WebClient(app)
            try await kim.signIn("kim", WebFixture.password)
            let page = try await kim.get("/accounts/A1")
            #expect(page.body.contains(#"<details id="record-promise">"#) && page.body.contains(#"name="currency" type="text" maxlength="3" value="USD""#))
            let token = try Self.token(kim, "/accounts/A1/promises")
            let fields = ["amount": "150.50", "currency": "USD", "promised_for": "2024-07-10", "invoice_id": "I1"]
            let sent = try await kim.post("/accounts/A1/promises", fields, formToken: token)
            #expect(sent.status == .seeOther && sent.location == "/accounts/A1?flash=promise-recorded#agreements")
            let again = try await kim.post("/accounts/A1/promises", fields, formToken: token)
            #expect(again.location?.contains("flash=already") == true)
            let promises = try await env.promises.list(account: "A1")
            #expect(promises.count == 1 && promises.first?.promise.amount == Money(minorUnits: 15050, currency: .usd))
            let audit = try await env.audit.list().filter { $0.action == "promise.add" }
            #expect(audit.count == 1 && audit.first?.actor == "kim" && audit.first?.after.contains("amount=150.50") == true)
            let shown = try await kim.get("/accounts/A1?flash=promise-recorded")
            #expect(shown.body.contains("The promise was recorded.") && shown.body.contains("150.50 USD for 2024-07-10"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func aRefusedPromiseKeepsItsValuesAndNamesTheField(engine: TestDatabase) async throws {
        try await withWebApp(engine) { app, env in
            let kim = WebClient(app)
            try await kim.signIn("kim", WebFixture.password)
            _ = try await kim.get("/accounts/A1")
            let bad = try await kim.post("/accounts/A1/promises", ["amount": "12,5x", "currency": "USD", "promised_for": "2024-13-01"],
                                         formToken: try Self.token(kim, "/accounts/A1/promises"))
            #expect(bad.status == .unprocessableEntity && bad.body.contains("<title>Error: "))
            #expect(bad.body.contains(##"href="#promise-amount""##) && bad.body.contains(##"href="#promise-promised_for""##))
            #expect(bad.body.contains(#"<details id="record-promise" open>"#) && bad.body.contains(#"value="12,5x""#))

            let early = try await kim.post("/accounts/A1/promises", ["amount": "10", "currency": "USD", "promised_for": "2024-06-01"],
                                           formToken: try Self.token(kim, "/accounts/A1/promises"))
            #expect(early.status == .unprocessableEntity && early.body.contains("Promised for 2024-06-01 is before the promise was made (2024-06-30)."))
            let foreign = try await kim.post("/accounts/A1/promises", ["amount": "10", "currency": "USD", "promised_for": "2024-07-01", "invoice_id": "I3"],
                                             formToken: try Self.token(kim, "/accounts/A1/promises"))
            #expect(foreign.status == .unprocessableEntity && foreign.body.contains(#"id="promise-invoice_id-error""#))
            #expect(try await env.promises.list(account: "A1").isEmpty)
            #expect(try await env.audit.list().filter { $0.action == "promise.add" }.isEmpty)

            let ivan = WebClient(app)
            try await ivan.signIn("ivan", WebFixture.password)
            #expect(try await ivan.post("/accounts/A1/promises", ["amount": "10"]).status == .forbidden)
            #expect(try await kim.post("/accounts/NOPE/promises", ["amount": "10"]).status == .notFound)
            #expect(try await kim.post("/accounts/A1/promises", ["amount": "10"], csrf: false).status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.available)
    func anArrangementCoversTheOpenInvoicesAndIsAudited(engine: TestDatabase) async throws {
        try await withWebApp(engine) { app, env in
            let mona = WebClient(app)
            try await mona.signIn("mona", WebFixture.password)
            _ = try await mona.get("/accounts/A1")
            let refused = try await mona.post("/accounts/A1/arrangements", ["total": "300", "currency": "USD", "installments": "0", "first_on": "2024-07-15"],
                                              formToken: try Self.token(mona, "/accounts/A1/arrangements"))
            #expect(refused.status == .unprocessableEntity && refused.body.contains("Installments must be between 1 and"))
            let sent = try await mona.post("/accounts/A1/arrangements", ["total": "300", "currency": "usd", "installments": "3", "first_on": "2024-07-15"],
                                           formToken: try Self.token(mona, "/accounts/A1/arrangements"))
            #expect(sent.location == "/accounts/A1?flash=arrangement-recorded#agreements")
            let arrangement = try #require(try await env.arrangements.list(account: "A1").first?.arrangement)
            #expect(arrangement.installments.count == 3 && !arrangement.invoiceIDs.isEmpty)
            let audit = try await env.audit.list().filter { $0.action == "arrangement.add" }
            #expect(audit.map(\.actor) == ["mona"] && audit.first?.entityID == arrangement.id.rawValue)
        }
    }

    @Test(arguments: TestDatabase.available)
    func anAnnualInvoiceIsRebilledMonthlyFromTheAccountPage(engine: TestDatabase) async throws {
        try await withWebApp(engine) { app, env in
            let files = try Fixtures()
            defer { files.removeAll() }
            let csv = "invoice_id,account_id,issue_date,due_date,amount,currency,location_id,job_id,description\nI9,R1,2024-06-01,,1200.00,USD,,,Monitoring 2024-25\n"
            _ = try await env.imports.importFile(.invoices, path: try files.write("more.csv", csv))
            let kim = WebClient(app)
            try await kim.signIn("kim", WebFixture.password)
            let page = try await kim.get("/accounts/R1")
            #expect(page.body.contains(#"action="/accounts/R1/billing-changes""#))
            #expect(!(try await kim.get("/accounts/A1").body.contains(#"action="/accounts/A1/billing-changes""#)), "A1 is billed quarterly")
            _ = try await kim.get("/accounts/R1")
            let outside = try await kim.post("/accounts/R1/billing-changes", ["invoice_id": "I9", "effective_on": "2026-01-01"],
                                             formToken: try Self.token(kim, "/accounts/R1/billing-changes"))
            #expect(outside.status == .unprocessableEntity && outside.body.contains("outside the billing year"))
            let sent = try await kim.post("/accounts/R1/billing-changes", ["invoice_id": "I9", "effective_on": "2024-07-01"],
                                          formToken: try Self.token(kim, "/accounts/R1/billing-changes"))
            #expect(sent.location == "/accounts/R1?flash=billing-changed#agreements")
            let change = try #require(try await env.billingChanges.list(account: "R1").first)
            #expect(change.invoiceID == "I9" && !change.invoiceIDs.isEmpty)
            #expect(try await env.audit.list().filter { $0.action == "billing_change.add" }.map(\.actor) == ["kim"])
            let after = try await kim.get("/accounts/R1")
            #expect(after.body.contains("\(change.id.rawValue): invoice I9") && after.body.contains("billing change"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func aChangeRequestGoesToBillingAudited(engine: TestDatabase) async throws {
        try await withWebApp(engine) { app, env in
            let lori = WebClient(app)
            try await lori.signIn("lori", WebFixture.password)
            _ = try await lori.get("/accounts/A1")
            let missing = try await lori.post("/accounts/A1/change-requests", ["kind": "upgrade", "reported_by": "client_relations"],
                                              formToken: try Self.token(lori, "/accounts/A1/change-requests"))
            #expect(missing.status == .unprocessableEntity && missing.body.contains("Choose add_on or cancellation.")
                && missing.body.contains(##"href="#change-service""##) && missing.body.contains(##"href="#change-effective_on""##))
            let wrongSite = try await lori.post("/accounts/A1/change-requests", [
                "kind": "cancellation", "service": "Monitoring", "effective_on": "2024-08-01", "reported_by": "sales", "location_id": "L2",
            ], formToken: try Self.token(lori, "/accounts/A1/change-requests"))
            #expect(wrongSite.status == .unprocessableEntity && wrongSite.body.contains("Location L2 belongs to account A2."))
            let sent = try await lori.post("/accounts/A1/change-requests", [
                "kind": "cancellation", "service": "Monitoring", "effective_on": "2024-08-01", "reported_by": "sales", "location_id": "L1",
                "description": "Closing the <HQ> site",
            ], formToken: try Self.token(lori, "/accounts/A1/change-requests"))
            #expect(sent.location == "/accounts/A1?flash=change-reported#agreements")
            let change = try #require(try await env.changeRequests.list(account: "A1").changeRequests.first)
            #expect(change.kind == .cancellation && change.reportedBy == .sales && change.locationID == "L1")
            #expect(try await env.audit.list().filter { $0.action == "change_request.add" }.map(\.actor) == ["lori"])
            let page = try await lori.get("/accounts/A1")
            #expect(page.body.contains("\(change.id.rawValue): cancellation of Monitoring from 2024-08-01, reported by sales — open"))
        }
    }
}
