import Foundation
import RapportApp
import RapportCore
import RapportTestSupport
import Testing
import VaporTesting

/// A department member reads the accounts and invoices her department's work concerns, and no others.
@Suite("Web department access")
struct DepartmentAccessTests {
    @Test(arguments: TestDatabase.available)
    func aDepartmentMemberReadsOnlyTheAccountsHerWorkConcerns(engine: TestDatabase) async throws {
        try await withWebApp(engine) { app, env in
            let ivan = WebClient(app)
            try await ivan.signIn("ivan", WebFixture.password)
            #expect(try await ivan.get("/accounts/A1").status == .forbidden, "A1 has no installation case or open installation item")
            #expect(try await ivan.get("/invoices/I1").status == .ok, "I1's job belongs to installation")
            #expect(try await ivan.get("/invoices/I3").status == .forbidden)

            let opened = try await env.cases.open(.init(accountID: "A1", category: .incompleteInstallation, invoiceIDs: ["I1"]))
            #expect(opened.department == .installation)
            let page = try await ivan.get("/accounts/A1")
            #expect(page.status == .ok && page.body.contains("<h1>Acme, Inc. (A1)</h1>"))
            #expect(!page.body.contains(#"action="/accounts/A1/interactions""#) && !page.body.contains(#"id="record""#), "read only")
            #expect(try await ivan.post("/accounts/A1/interactions", ["channel": "call"]).status == .forbidden)
            #expect(try await ivan.get("/accounts/R1").status == .forbidden)

            let bea = WebClient(app)
            try await bea.signIn("bea", WebFixture.password)
            #expect(try await bea.get("/accounts/A1").status == .forbidden)
            _ = try await env.changeRequests.add(.init(accountID: "A1", kind: .addOn, service: "Camera", effectiveOn: Day(iso: "2024-07-01"),
                                                      reportedBy: .sales))
            #expect(try await bea.get("/accounts/A1").status == .ok, "a waiting change request concerns Billing")
        }
    }
}
