import Foundation
import RapportApp
import RapportCore
import RapportImport
import RapportTestSupport
import Testing
import VaporTesting

@Suite("JSON API: the document, tokens, roles and problem documents")
struct APIAccessTests {
    @Test(arguments: TestDatabase.available)
    func theDocumentIsServedAsJSONWithoutSignInAndNamesEveryOperation(engine: TestDatabase) async throws {
        try await withAPI(engine) { app, _, _ in
            let response = try await app.testing().sendRequest(.GET, "/openapi.json")
            #expect(response.status == .ok && response.headers.contentType == .json)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let operations = paths.flatMap { path, item in
                item.compactMap { method, value in (value as? [String: Any])?["operationId"].map { _ in "\(method.uppercased()) \(path)" } }
            }
            for expected in [
                "GET /accounts", "GET /accounts/{id}", "PUT /accounts/{id}", "GET /accounts/{id}/ledger", "POST /invoices",
                "GET /invoices/{id}", "GET /invoices", "POST /payments", "POST /credit-memos", "PUT /jobs/{id}", "PUT /followups/{id}",
                "POST /interactions", "GET /queue", "POST /cases", "GET /cases", "GET /cases/{id}", "POST /cases/{id}/transitions",
                "POST /promises", "POST /change-requests", "POST /change-requests/{id}/apply", "GET /metrics", "GET /aging",
                "GET /trend", "POST /imports/{kind}",
            ] {
                #expect(operations.contains(expected), "\(expected) is in the document")
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func theDocumentsEnumsAreCoresValues(engine: TestDatabase) async throws {
        try await withAPI(engine) { app, _, _ in
            let response = try await app.testing().sendRequest(.GET, "/openapi.json")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
            let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]])
            func values(_ name: String) -> [String] { schemas[name]?["enum"] as? [String] ?? [] }
            #expect(values("Department") == Department.allCases.map(\.rawValue))
            #expect(values("CaseStatus") == Case.Status.allCases.map(\.rawValue))
            #expect(values("CaseCategory") == Case.Category.allCases.map(\.rawValue))
            #expect(values("CaseResolution") == CaseResolution.allCases.map(\.rawValue))
            #expect(values("Segment") == Account.Segment.allCases.map(\.rawValue))
            #expect(values("BillingFrequency") == Account.BillingFrequency.allCases.map(\.rawValue))
            #expect(values("Channel") == Interaction.Channel.allCases.map(\.rawValue))
            #expect(values("Purpose") == Interaction.Purpose.allCases.map(\.rawValue))
            #expect(values("Outcome") == Interaction.Outcome.allCases.map(\.rawValue))
            #expect(values("ChangeRequestKind") == ChangeRequest.Kind.allCases.map(\.rawValue))
            #expect(values("JobKind") == Job.Kind.allCases.map(\.rawValue))
            #expect(values("TrendMetric") == TrendMetric.allCases.map(\.rawValue))
            #expect(values("ImportKind") == ImportKind.allCases.map(\.rawValue))
        }
    }

    @Test(arguments: TestDatabase.available)
    func noTokenAWrongOneARevokedOneOrADisabledUserIs401(engine: TestDatabase) async throws {
        try await withAPI(engine) { app, env, clients in
            let none = try await APIClient(app: app, token: nil).get("/accounts")
            #expect(none.status == .unauthorized && none.contentType == "application/problem+json")
            #expect(none.json["status"] as? Int == 401 && none.json["type"] as? String == "about:blank")
            #expect(none.headers.first(name: "WWW-Authenticate") == "Bearer realm=\"rapport\"")
            #expect(try await APIClient(app: app, token: "rpt_not-a-token").get("/accounts").status == .unauthorized)
            let made = try await env.apiTokens.create(username: "kim", name: "phone system")
            let client = APIClient(app: app, token: made.secret)
            #expect(try await client.get("/accounts").status == .ok)
            let listed = try await env.apiTokens.list().first { $0.id == made.token.id }
            #expect(listed?.tokenHash != made.secret && listed?.lastUsedAt != nil, "only the digest is stored; a use is recorded")
            _ = try await env.acting(as: "ada").apiTokens.revoke(made.token.id)
            #expect(try await client.get("/accounts").status == .unauthorized)
            let disabled = try #require(clients["lori"])
            _ = try await env.acting(as: "ada").users.disable("lori")
            #expect(try await disabled.get("/accounts").status == .unauthorized)
            let audit = try await env.audit.list()
            #expect(audit.contains { $0.action == "token.revoke" && $0.actor == "ada" && $0.entityID == made.token.id })
        }
    }

    @Test(arguments: TestDatabase.available)
    func eachRoleIsHeldToTheWebApplicationsRules(engine: TestDatabase) async throws {
        try await withAPI(engine) { _, _, clients in
            let kim = try #require(clients["kim"]), ivan = try #require(clients["ivan"]), mona = try #require(clients["mona"])
            let bea = try #require(clients["bea"])
            // A department member reads only what her department's work concerns.
            #expect(try await ivan.get("/accounts").status == .forbidden)
            #expect(try await ivan.get("/accounts/A1").status == .forbidden, "J1's open follow-up item is Customer Care's")
            #expect(try await mona.post("/cases", ["accountId": "A1", "category": "incomplete_installation"]).status == .created)
            #expect(try await ivan.get("/accounts/A1").status == .ok, "A1 now has a case of Installation")
            #expect(try await ivan.get("/accounts/A1/ledger").status == .ok)
            #expect(try await ivan.get("/accounts/R1").status == .forbidden)
            #expect(try await ivan.get("/queue").status == .forbidden)
            #expect(try await ivan.get("/cases?department=billing").status == .forbidden)
            #expect(try await ivan.get("/cases").status == .ok)
            #expect(try await ivan.get("/metrics?from=2024-01-01&to=2024-06-30").status == .forbidden)
            // A specialist: her queue only, no reports, no loading of ledgers.
            #expect(try await kim.get("/queue?specialist=lori").status == .forbidden)
            #expect(try await kim.get("/queue").json["specialist"] as? String == "kim")
            #expect(try await kim.get("/metrics?from=2024-01-01&to=2024-06-30").status == .forbidden)
            let refused = try await kim.post("/payments", [
                "paymentId": "P9", "accountId": "R1", "receivedOn": "2024-06-01", "amount": "1.00", "currency": "USD",
            ])
            #expect(refused.status == .forbidden && refused.contentType == "application/problem+json")
            // Applying a change request is Billing's (or a manager's).
            #expect(try await kim.post("/change-requests/R9/apply", [:]).status == .forbidden)
            #expect(try await bea.post("/change-requests/R9/apply", [:]).status == .notFound)
            // A manager sees any queue and the reports.
            #expect(try await mona.get("/queue?specialist=lori").status == .ok)
            #expect(try await mona.get("/metrics?from=2024-01-01&to=2024-06-30").status == .ok)
        }
    }

    @Test(arguments: TestDatabase.available)
    func badInputIsAProblemWithItsStatusNeverA500(engine: TestDatabase) async throws {
        try await withAPI(engine) { _, _, clients in
            let mona = try #require(clients["mona"])
            let unknown = try await mona.get("/accounts/NOPE")
            #expect(unknown.status == .notFound && unknown.contentType == "application/problem+json")
            #expect((unknown.json["detail"] as? String)?.contains("unknown account NOPE") == true)
            #expect(try await mona.get("/no-such-thing").status == .notFound)
            #expect(try await mona.get("/no-such-thing").contentType == "application/problem+json")
            let malformed = try await mona.send(.POST, "/cases", body: "{not json")
            #expect(malformed.status == .badRequest && malformed.contentType == "application/problem+json")
            let extra = try await mona.post("/cases", ["accountId": "A1", "category": "dispute", "colour": "red"])
            #expect(extra.status == .badRequest)
            let badDay = try await mona.get("/aging?as_of=2024-13-45")
            #expect(badDay.status == .badRequest)
            let backwards = try await mona.get("/metrics?from=2024-06-30&to=2024-01-01")
            #expect(backwards.status == .badRequest && backwards.errorFields == ["from"])
            #expect(try await mona.get("/accounts?limit=0").status == .badRequest)
            #expect(try await mona.get("/accounts?limit=1001").status == .badRequest)
            #expect(try await mona.get("/accounts?cursor=%%%").status == .badRequest)
            let promise = try await mona.post("/promises", ["accountId": "A1", "amount": "-5", "currency": "USD", "promisedFor": "2024-07-10"])
            #expect(promise.status == .unprocessableEntity && promise.errorFields == ["amount"])
        }
    }
}

