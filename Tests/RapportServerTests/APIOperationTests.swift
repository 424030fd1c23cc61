import Foundation
import RapportApp
import RapportCore
import RapportTestSupport
import Testing
import VaporTesting

@Suite("JSON API: reading, writing, cases, idempotency, imports and reports")
struct APIOperationTests {
    @Test(arguments: TestDatabase.available)
    func listsArePagedByAnOpaqueCursorUntilTheLastPage(engine: TestDatabase) async throws {
        try await withAPI(engine) { _, _, clients in
            let mona = try #require(clients["mona"])
            var ids: [String] = []
            var path = "/accounts?limit=1"
            var pages = 0
            while pages < 10 {
                let page = try await mona.get(path)
                #expect(page.status == .ok)
                ids += (page.json["accounts"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
                pages += 1
                guard let cursor = page.json["nextCursor"] as? String else { break }
                #expect(!cursor.contains("A"), "the cursor does not show the id")
                path = "/accounts?limit=1&cursor=\(cursor)"
            }
            #expect(ids == ["A1", "A2", "R1"] && pages == 3)
            let invoices = try await mona.get("/invoices?account_id=A1&limit=1000")
            #expect((invoices.json["invoices"] as? [[String: Any]])?.compactMap { $0["invoiceId"] as? String } == ["I1", "I2"])
            let open = try await mona.get("/invoices?open=true")
            let openIDs = (open.json["invoices"] as? [[String: Any]])?.compactMap { $0["invoiceId"] as? String } ?? []
            #expect(!openIDs.contains("I3"), "I3 was paid in full by P3")
            #expect(try await mona.get("/invoices?account_id=NOPE").status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.available)
    func anAccountReadsAsItsPageAndItsLedgerAsTheCLIs(engine: TestDatabase) async throws {
        try await withAPI(engine) { _, env, clients in
            let kim = try #require(clients["kim"])
            let overview = try await kim.get("/accounts/A1?as_of=2024-06-30")
            #expect(overview.status == .ok)
            #expect((overview.json["account"] as? [String: Any])?["name"] as? String == "Acme, Inc.")
            #expect((overview.json["family"] as? [[String: Any]])?.compactMap { $0["id"] as? String }.sorted() == ["A1", "A2"])
            let ledger = try await kim.get("/accounts/A1/ledger?as_of=2024-06-30")
            let expected = try await env.accounts.ledger(Account.ID("A1"), asOf: Day(iso: "2024-06-30"))
            let lines = ledger.json["invoices"] as? [[String: Any]] ?? []
            #expect(lines.compactMap { $0["invoiceId"] as? String } == expected.invoices.map(\.invoiceID.rawValue))
            #expect(lines.compactMap { $0["open"] as? String } == expected.invoices.map(\.open.decimalString))
            let invoice = try await kim.get("/invoices/I1")
            #expect(invoice.json["total"] as? String == "1250.50" && (invoice.json["lines"] as? [Any])?.count == 2)
        }
    }

    @Test(arguments: TestDatabase.available)
    func recordsAreWrittenThroughTheImportsRules(engine: TestDatabase) async throws {
        try await withAPI(engine) { _, env, clients in
            let mona = try #require(clients["mona"])
            let invoice: [String: Any] = [
                "invoiceId": "I9", "accountId": "R1", "issueDate": "2024-06-01", "currency": "USD",
                "lines": [["amount": "100.00", "description": "Monitoring"], ["amount": "20.00"]],
            ]
            let created = try await mona.post("/invoices", invoice)
            #expect(created.status == .created && created.json["total"] as? String == "120.00")
            #expect(try await mona.post("/invoices", invoice).status == .ok, "the same invoice again changes nothing")
            var changed = invoice
            changed["lines"] = [["amount": "999.00"]]
            let conflict = try await mona.post("/invoices", changed)
            #expect(conflict.status == .conflict && conflict.contentType == "application/problem+json")
            var bad = invoice
            bad["invoiceId"] = "I10"
            bad["lines"] = [["amount": "5.00"], ["amount": "-abc"]]
            let refused = try await mona.post("/invoices", bad)
            #expect(refused.status == .badRequest || refused.status == .unprocessableEntity)
            bad["lines"] = [["amount": "5.00"], ["amount": "1.001"]]
            let lineError = try await mona.post("/invoices", bad)
            #expect(lineError.status == .unprocessableEntity && lineError.errorFields.contains("lines[1].amount"), "\(lineError.body)")
            #expect(try await mona.get("/invoices/I10").status == .notFound, "nothing half-written")
            // A payment naming the invoice is allocated to it like a row of payments.csv.
            let paid = try await mona.post("/payments", [
                "paymentId": "P9", "accountId": "R1", "receivedOn": "2024-06-10", "amount": "150.00", "currency": "USD", "invoiceId": "I9",
            ])
            #expect(paid.status == .created && paid.json["unapplied"] as? String == "30.00")
            #expect(try await mona.get("/invoices/I9").json["open"] as? String == "0.00")
            let memo = try await mona.post("/credit-memos", [
                "creditMemoId": "CM9", "accountId": "A2", "issuedOn": "2024-06-10", "amount": "5.00", "currency": "USD", "invoiceId": "I4",
            ])
            #expect(memo.status == .created && memo.json["unapplied"] as? String == "0.00")
            let unknownAccount = try await mona.post("/payments", [
                "paymentId": "P10", "accountId": "ZZ", "receivedOn": "2024-06-10", "amount": "1.00", "currency": "USD",
            ])
            #expect(unknownAccount.status == .unprocessableEntity && unknownAccount.errorFields == ["accountId"])
            // Accounts, jobs and follow-up items are created by PUT (201); the same content again is 200.
            let account: [String: Any] = ["name": "Bob Roe", "segment": "residential", "specialist": "kim", "keyAccount": false]
            #expect(try await mona.put("/accounts/R2", account).status == .created)
            #expect(try await mona.put("/accounts/R2", account).status == .ok)
            // Other content replaces the account: a field left out is cleared.
            let renamed = try await mona.put("/accounts/R2", ["name": "Robert Roe", "segment": "residential"])
            #expect(renamed.status == .ok && renamed.json["name"] as? String == "Robert Roe" && renamed.json["specialist"] == nil)
            let loop = try await mona.put("/accounts/A1", ["name": "Acme", "segment": "commercial", "parentId": "A2"])
            #expect(loop.status == .unprocessableEntity && loop.errorFields == ["parentId"])
            let job: [String: Any] = ["accountId": "R1", "locationId": "L9", "kind": "service", "department": "service", "percentComplete": 50]
            #expect(try await mona.put("/jobs/J9", job).status == .unprocessableEntity, "L9 is not a location of R1")
            #expect(try await mona.put("/jobs/J9", ["accountId": "A2", "locationId": "L2", "kind": "service", "department": "service",
                                                     "percentComplete": 50]).status == .created)
            let item: [String: Any] = ["jobId": "J9", "department": "service", "description": "Replace the panel", "dueOn": "2024-07-05"]
            #expect(try await mona.put("/followups/F9", item).status == .created)
            var done = item
            done["doneOn"] = "2024-07-01"
            let completed = try await mona.put("/followups/F9", done)
            #expect(completed.status == .ok && completed.json["doneOn"] as? String == "2024-07-01")
            let audit = try await env.audit.list()
            #expect(audit.contains { $0.action == "import.invoices" && $0.actor == "mona" })
            #expect(audit.contains { $0.action == "account.update" && $0.actor == "mona" && $0.after == "name=Robert Roe\nspecialist=" })
        }
    }

    @Test(arguments: TestDatabase.available)
    func aCaseIsOpenedRoutedWorkedAndResolvedWithItsRules(engine: TestDatabase) async throws {
        try await withAPI(engine) { _, env, clients in
            let kim = try #require(clients["kim"]), ivan = try #require(clients["ivan"]), bea = try #require(clients["bea"])
            let opened = try await kim.post("/cases", [
                "accountId": "A1", "category": "incomplete_installation", "invoiceIds": ["I1"], "jobId": "J1", "notes": "Two sensors missing",
            ])
            #expect(opened.status == .created && opened.json["status"] as? String == "open")
            let id = try #require(opened.json["caseId"] as? String)
            #expect(opened.json["department"] as? String == "installation")
            #expect(try await bea.post("/cases/\(id)/transitions", ["action": "start"]).status == .forbidden)
            #expect(try await ivan.post("/cases/\(id)/transitions", ["action": "wait"]).status == .unprocessableEntity,
                    "an open case waits only once in progress")
            #expect(try await ivan.post("/cases/\(id)/transitions", ["action": "start"]).json["status"] as? String == "in_progress")
            let noCause = try await ivan.post("/cases/\(id)/transitions", ["action": "resolve", "resolution": "work_completed"])
            #expect(noCause.status == .unprocessableEntity && noCause.errorFields == ["rootCause"])
            let resolved = try await ivan.post("/cases/\(id)/transitions", [
                "action": "resolve", "rootCause": "INST.PUNCH_LIST_OPEN", "resolution": "work_completed",
            ])
            #expect(resolved.status == .ok && resolved.json["status"] as? String == "resolved", "\(resolved.body)")
            let listed = try await ivan.get("/cases?status=resolved")
            #expect((listed.json["cases"] as? [[String: Any]])?.compactMap { $0["caseId"] as? String } == [id])
            #expect(try await ivan.get("/cases/\(id)").status == .ok)
            let moves = try await env.cases.history(Case.ID(id)).map { "\($0.actor) \($0.action)" }
            #expect(moves == ["kim case.open", "ivan case.start", "ivan case.resolve"])
        }
    }

    @Test(arguments: TestDatabase.available)
    func theSameIdempotencyKeyAnswersTheFirstResponseWithoutDoingTheWorkAgain(engine: TestDatabase) async throws {
        try await withAPI(engine) { _, env, clients in
            let kim = try #require(clients["kim"]), lori = try #require(clients["lori"])
            let body: [String: Any] = ["accountId": "R1", "category": "dispute", "notes": "Says the alarm never worked"]
            let first = try await kim.post("/cases", body, key: "k-1")
            let again = try await kim.post("/cases", body, key: "k-1")
            #expect(first.status == .created && again.status == .created && again.body == first.body)
            #expect(again.headers.first(name: "Idempotent-Replayed") == "true")
            #expect(try await env.cases.list(account: Account.ID("R1")).count == 1)
            var other = body
            other["notes"] = "Something else"
            let mismatch = try await kim.post("/cases", other, key: "k-1")
            #expect(mismatch.status == .unprocessableEntity && mismatch.errorFields == ["Idempotency-Key"])
            // Keys are per user: another user's same key is a new request.
            #expect(try await lori.post("/cases", body, key: "k-1").status == .created)
            #expect(try await env.cases.list(account: Account.ID("R1")).count == 2)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aCSVImportIsAllOrNothingUnlessSkippingInvalidRows(engine: TestDatabase) async throws {
        try await withAPI(engine) { _, _, clients in
            let mona = try #require(clients["mona"]), kim = try #require(clients["kim"])
            let csv = """
                payment_id,account_id,received_on,amount,currency,invoice_id,method
                P20,A2,2024-06-01,10.00,USD,I4,ach
                P21,A2,2024-06-02,abc,USD,,ach

                """
            #expect(try await kim.send(.POST, "/imports/payments", body: csv, contentType: "text/csv").status == .forbidden)
            let refused = try await mona.send(.POST, "/imports/payments", body: csv, contentType: "text/csv")
            #expect(refused.status == .unprocessableEntity && refused.contentType == "application/problem+json")
            #expect(refused.errorFields == ["line 3: amount"], "\(refused.body)")
            let skipped = try await mona.send(.POST, "/imports/payments?skip_invalid=true", body: csv, contentType: "text/csv")
            #expect(skipped.status == .ok && skipped.json["rowsWritten"] as? Int == 1 && skipped.json["rowsRejected"] as? Int == 1)
            let again = try await mona.send(.POST, "/imports/payments?skip_invalid=true", body: csv, contentType: "text/csv")
            #expect(again.json["rowsWritten"] as? Int == 0 && again.json["rowsUnchanged"] as? Int == 1)
            #expect(try await mona.send(.POST, "/imports/nonsense", body: csv, contentType: "text/csv").status == .badRequest)
        }
    }

    @Test(arguments: TestDatabase.available)
    func reportsHaveTheFieldsOfTheCLIsJSON(engine: TestDatabase) async throws {
        try await withAPI(engine) { _, env, clients in
            let mona = try #require(clients["mona"])
            let metrics = try await mona.get("/metrics?from=2024-01-01&to=2024-06-30")
            #expect(metrics.status == .ok)
            let keys = Set(metrics.json.keys)
            let cli: Set = [
                "from", "to", "basis", "currency", "periodDays", "creditSales", "beginningAR", "endingAR", "endingCurrentAR", "dso",
                "dsoCountback", "dsoCountbackIsLowerBound", "bestPossibleDso", "averageDaysDelinquent", "cei", "percentCurrent",
                "averageDaysToPay", "weightedAverageDaysToPay", "averageDaysBeyondTerms", "aging",
            ]
            // Values the period leaves undefined are left out; every key present is one of the CLI's.
            #expect(keys.isSubset(of: cli) && keys.isSuperset(of: ["from", "to", "basis", "currency", "creditSales", "aging"]))
            let period = try Period(from: Day(iso: "2024-01-01"), to: Day(iso: "2024-06-30"))
            let expected = try await env.reports.metrics(period).parts[0].value
            let dso = try #require(expected.dso)
            #expect(metrics.body.contains("\"dso\" : \(dso)"), "unrounded: \(metrics.body)")
            #expect(metrics.json["endingAR"] as? String == Money(minorUnits: expected.endingAR, currency: try Currency("USD")).decimalString)
            let grouped = try await mona.get("/metrics?from=2024-01-01&to=2024-06-30&by=segment")
            #expect(Set((grouped.json["groups"] as? [String: Any])?.keys.map { $0 } ?? []) == ["commercial", "residential"])
            let aging = try await mona.get("/aging?as_of=2024-06-30&by=account")
            #expect((aging.json["groups"] as? [String: Any])?["A1"] != nil && aging.json["asOf"] as? String == "2024-06-30")
            let trend = try await mona.get("/trend?metric=dso&from=2024-01-01&to=2024-03-31")
            #expect((trend.json["months"] as? [[String: Any]])?.compactMap { $0["month"] as? String } == ["2024-01", "2024-02", "2024-03"])
            #expect(try await mona.get("/trend?metric=nonsense&from=2024-01-01&to=2024-03-31").status == .badRequest)
        }
    }

    @Test(arguments: TestDatabase.available)
    func touchesPromisesAndChangeRequestsAreLoggedAsTheTokensUser(engine: TestDatabase) async throws {
        try await withAPI(engine) { _, env, clients in
            let kim = try #require(clients["kim"]), bea = try #require(clients["bea"])
            let touch = try await kim.post("/interactions", [
                "accountId": "R1", "channel": "call", "purpose": "check_in", "outcome": "satisfied", "satisfaction": 5,
                "nextContactOn": "2024-07-15",
            ])
            #expect(touch.status == .created && touch.json["by"] as? String == "kim" && touch.json["satisfaction"] as? Int == 5)
            let badTouch = try await kim.post("/interactions", [
                "accountId": "R1", "channel": "call", "purpose": "check_in", "outcome": "satisfied", "jobId": "J1",
            ])
            #expect(badTouch.status == .unprocessableEntity, "J1 belongs to A1's family")
            let promise = try await kim.post("/promises", ["accountId": "A1", "amount": "150.50", "currency": "USD", "promisedFor": "2024-07-10"])
            #expect(promise.status == .created && promise.json["amount"] as? String == "150.50")
            let change = try await kim.post("/change-requests", [
                "accountId": "A1", "kind": "cancellation", "service": "monitoring", "effectiveOn": "2024-07-01", "reportedBy": "service",
            ])
            #expect(change.status == .created)
            let changeID = try #require(change.json["changeRequestId"] as? String)
            let applied = try await bea.post("/change-requests/\(changeID)/apply", ["on": "2024-06-30"])
            #expect(applied.status == .ok && applied.json["appliedOn"] as? String == "2024-06-30")
            let actions = try await env.audit.list().map { "\($0.actor) \($0.action)" }
            #expect(actions.contains("kim promise.add") && actions.contains("kim change_request.add") && actions.contains("bea change_request.apply"))
        }
    }
}
