import Foundation
import RapportApp
import RapportStore
import RapportTestSupport
import Testing
import VaporTesting

@Suite("Web imports and invoice page")
struct ImportAndInvoicePageTests {
    @Test(arguments: TestDatabase.available)
    func anUploadWithABadRowWritesNothingAndListsTheRow(engine: TestDatabase) async throws {
        try await withWebApp(engine) { app, env in
            let kim = WebClient(app)
            try await kim.signIn("kim", WebFixture.password)
            #expect(try await kim.get("/imports").status == .forbidden)
            let mona = WebClient(app)
            try await mona.signIn("mona", WebFixture.password)
            let form = try await mona.get("/imports")
            #expect(form.status == .ok && form.body.contains("enctype=\"multipart/form-data\""))
            let bad = """
                account_id,name,segment,parent_id,billing_frequency,specialist,key_account,hardship,opened_on,salesperson,service_manager
                N1,New One,commercial,,monthly,kim,false,false,2024-01-01,,
                N2,New Two,spaceship,,monthly,kim,false,false,2024-01-01,,
                """
            let refused = try await mona.postFile("/imports", ["kind": "accounts"], file: ("file", "new-accounts.csv", bad))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("new-accounts.csv:3: segment:") && refused.body.contains("nothing was imported"))
            #expect(!refused.body.contains("rapport-upload-"), "the temporary path never shows")
            #expect(try await env.accounts.search("New One").isEmpty)
            _ = try await mona.get("/imports")
            let good = bad.replacingOccurrences(of: "spaceship", with: "residential")
            let imported = try await mona.postFile("/imports", ["kind": "accounts"], file: ("file", "new-accounts.csv", good))
            #expect(imported.status == .seeOther)
            let result = try await mona.get(try #require(imported.location))
            #expect(result.body.contains("new-accounts.csv: 2 rows read, 2 written"))
            #expect(try await env.accounts.search("New One").map(\.id.rawValue) == ["N1"])
            let audit = try await env.audit.list().filter { $0.entity == "import" && $0.actor == "mona" }
            #expect(audit.count == 1 && audit[0].action == "import.accounts" && audit[0].actor == "mona")
        }
    }

    @Test(arguments: TestDatabase.available)
    func theInvoicePageShowsLinesAppliedMoneyAndTheJob(engine: TestDatabase) async throws {
        try await withWebApp(engine) { app, _ in
            let web = WebClient(app)
            try await web.signIn("kim", WebFixture.password)
            let page = try await web.get("/invoices/I1")
            #expect(page.status == .ok && page.body.contains("<h1>Invoice I1</h1>"))
            #expect(page.body.contains("Monitoring, January") && page.body.contains("HQ"))
            #expect(page.body.contains("payment P1"))
            #expect(page.body.contains("J1: installation, 95 % complete"))
            #expect(try await web.get("/invoices/NOPE").status == .notFound)
        }
    }
}
