import RapportApp
import RapportCore
import RapportImport
import RapportStore
import RapportTestSupport
import Testing

/// The change counter moves with every write, so a server's kept queues and dashboards follow the data.
@Suite("Change counter on both databases")
struct ChangeVersionStorageTests {
    @Test(arguments: TestDatabase.available)
    func everyKindOfWriteMovesTheCounter(engine: TestDatabase) async throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        try await engine.withDatabase { db in
            let app = db.app()
            var last = try #require(try await app.repositories.changes.fetchChangeVersion(.everything))
            func moved(_ what: String, _ write: () async throws -> Void) async throws {
                try await write()
                let now = try #require(try await app.repositories.changes.fetchChangeVersion(.everything))
                #expect(now > last, "\(what) moves the counter")
                last = now
            }
            let importer = db.importer()
            for kind in [ImportKind.accounts, .locations, .contacts, .jobs, .followups, .invoices, .payments, .creditMemos, .deposits] {
                try await moved("import \(kind)") { _ = try await importer.importFile(kind, path: try files.write("\(kind).csv", Fixtures.byKind[kind.rawValue]!)) }
            }
            let changes = app.repositories.changes
            let (kim, lori) = (try await changes.fetchChangeVersion(.queue(specialist: "kim")), try await changes.fetchChangeVersion(.queue(specialist: "lori")))
            try await moved("a touch") {
                _ = try await app.interactions.log(.init(accountID: "R1", channel: .call, purpose: .checkIn, outcome: .satisfied, by: "kim"))
            }
            let (kimAfter, loriAfter) = (try await changes.fetchChangeVersion(.queue(specialist: "kim")), try await changes.fetchChangeVersion(.queue(specialist: "lori")))
            #expect(kimAfter! > kim! && loriAfter == lori, "a touch on kim's account R1 moves kim's queue counter, not lori's")
            var opened: Case?
            try await moved("a case") { opened = try await app.cases.open(.init(accountID: "A1", category: .billingError, invoiceIDs: ["I1"])) }
            try await moved("a case moving") { _ = try await app.cases.change(opened!.id, .route(department: .billing, owner: nil, waiting: false)) }
            try await moved("an account update") {
                var account = try await app.accounts.get("R1")
                account.name = "Jane Roe"
                _ = try await app.accounts.put(account)
            }
            let before = last
            _ = try await app.queue.tasks(specialist: "kim")
            _ = try await app.reports.metrics(try Period(from: try Day(iso: "2024-01-01"), to: try Day(iso: "2024-03-31")))
            #expect(try await app.repositories.changes.fetchChangeVersion(.everything) == before, "reading changes nothing")
        }
    }

    @Test(arguments: TestDatabase.available)
    func aKeptQueueIsServedUntilATouchChangesIt(engine: TestDatabase) async throws {
        var parameters = SimulationParameters()
        parameters.accounts = 120
        parameters.months = 4
        parameters.seed = 11
        let ledger = Simulator(parameters).ledger(schedule: [(parameters.start, .clientRelations)])
        try await engine.withDatabase { db in
            try await SimulatedLedgerWriter(db).write(ledger, users: []) { _ in }
            var kept = db.app()
            kept.derived = DerivedResults()
            let fresh = db.app()
            let day = parameters.start.adding(months: parameters.months).adding(days: 3)
            let specialist = try #require(try await fresh.queue.specialists().first)
            let first = try await kept.queue.tasks(specialist: specialist, on: day)
            let task = try #require(first.first)
            #expect(try await kept.queue.tasks(specialist: specialist, on: day) == first)
            let hits = await kept.derived!.queues.hits
            #expect(hits == 1)
            _ = try await kept.interactions.log(.init(
                accountID: task.accountID, invoiceID: task.invoiceID, channel: .call, purpose: task.purpose, outcome: .satisfied,
                by: specialist, on: day))
            let after = try await kept.queue.tasks(specialist: specialist, on: day)
            #expect(after == (try await fresh.queue.tasks(specialist: specialist, on: day)))
            #expect(after != first, "the touch answers the top task")
            let misses = await kept.derived!.queues.misses
            #expect(misses == 2)
        }
    }
}
