import Foundation
import RapportApp
import RapportCore
import RapportTestSupport
import Testing
import VaporTesting

@Suite("Web statement by location")
struct StatementPageTests {
    @Test(arguments: TestDatabase.available)
    func theStatementListsTheFamilysOpenInvoicesAndTheirLinesByLocation(engine: TestDatabase) async throws {
        try await withWebApp(engine) { app, env in
            let kim = WebClient(app)
            try await kim.signIn("kim", WebFixture.password)
            let account = try await kim.get("/accounts/A1")
            #expect(account.body.contains(#"href="/accounts/A1/statement?as_of="#))

            let page = try await kim.get("/accounts/A1/statement?as_of=2024-03-31")
            #expect(page.status == .ok && page.body.contains("<h1>Statement for Acme, Inc. (A1)</h1>"))
            let statement = try await env.accounts.statement("A1", asOf: Day(iso: "2024-03-31"))
            #expect(!statement.invoices.isEmpty)
            for invoice in statement.invoices {
                #expect(page.body.contains(#"<a href="/invoices/\#(invoice.invoiceID.rawValue)">"#))
                #expect(page.body.contains("\(invoice.open.groupedString) USD"))
            }
            let total = try #require(statement.totalOpen[.usd])
            #expect(page.body.contains("<div>\(total.groupedString) USD</div>"))
            #expect(page.body.contains("<h2>HQ <span class=\"muted\">(account A1)</span></h2>"))
            #expect(page.body.contains("<h2>East site <span class=\"muted\">(account A2)</span></h2>"))
            #expect(page.body.contains("<td>Monitoring, January</td>") && page.body.contains("1,000.00 USD"))
            #expect(page.body.contains("Billed to HQ"))

            let early = try await kim.get("/accounts/A1/statement?as_of=2023-12-31")
            #expect(early.status == .ok && early.body.contains("No invoice is open on this day."))
        }
    }

    @Test(arguments: TestDatabase.available)
    func aBadDayAnUnknownAccountAndADepartmentMemberAreRefused(engine: TestDatabase) async throws {
        try await withWebApp(engine) { app, _ in
            let kim = WebClient(app)
            try await kim.signIn("kim", WebFixture.password)
            let bad = try await kim.get("/accounts/A1/statement?as_of=2024-02-30")
            #expect(bad.status == .unprocessableEntity && bad.body.contains("as_of must be a date as YYYY-MM-DD"))
            #expect(try await kim.get("/accounts/NOPE/statement").status == .notFound)
            let ivan = WebClient(app)
            try await ivan.signIn("ivan", WebFixture.password)
            #expect(try await ivan.get("/accounts/A1/statement").status == .forbidden)
            #expect(try await WebClient(app).get("/accounts/A1/statement").status == .seeOther)
        }
    }
}
