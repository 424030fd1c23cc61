import RapportApp
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

/// The use cases' orchestration on fakes: what they load, what they decide through Core, what they save.
@Suite("Use cases on fakes")
struct UseCaseOrchestrationTests {
    let account = Account(id: "A1", name: "Acme", segment: .commercial, openedOn: try! Day(iso: "2024-01-01"))

    @Test func openingACaseNumbersItFromTheIdSourceAndSavesIt() async throws {
        var repositories = StoreRepositories.unimplemented
        let cases = InMemoryCases([CaseWorkflow.open(
            id: "C000008", accountID: "A1", invoiceIDs: [], category: .dispute, amountOnHold: .zero(.usd), on: try Day(iso: "2024-03-01"))])
        repositories.accounts = FixedAccounts(accounts: [account])
        repositories.cases = cases
        let audit = InMemoryAudit()
        repositories.audit = audit
        let app = AppEnvironment.fake(repositories, counter: Counter(startingAfter: 6))
        let opened = try await app.cases.open(.init(accountID: "A1", category: .incompleteInstallation, amount: "120.00"))
        // 7 is free; the clock's today in Chicago is 2024-03-15; routing and SLA come from Core.
        let today = try Day(iso: "2024-03-15")
        #expect(opened.id == "C000007" && opened.openedOn == today)
        #expect(opened.department == .installation && opened.amountOnHold == Money(minorUnits: 12_000, currency: .usd))
        // 8 is taken (a case opened with that id by hand): the next id skips it.
        let next = try await app.cases.open(.init(accountID: "A1", category: .dispute, amount: "1"))
        #expect(next.id == "C000009" && cases.inserted == ["C000007", "C000009"])
        // Each opening is audited, by the environment's actor.
        #expect(audit.events.map(\.action) == ["case.open", "case.open"] && audit.events.map(\.entityID) == ["C000007", "C000009"])
        #expect(audit.events.allSatisfy { $0.actor == "cli" && $0.before.isEmpty && $0.after.contains("department=installation") || $0.entityID == "C000009" })
    }

    @Test func anUnknownAccountIsRefusedBeforeAnythingIsWritten() async throws {
        var repositories = StoreRepositories.unimplemented
        repositories.accounts = FixedAccounts(accounts: [])
        // cases stays unimplemented: touching it would fail with its name.
        await #expect(throws: AppError.notFound("unknown account Z9")) {
            _ = try await AppEnvironment.fake(repositories).cases.open(.init(accountID: "Z9", category: .dispute))
        }
    }

    @Test func anUnconfiguredRepositoryFailsLoudly() async throws {
        await #expect(throws: Unimplemented(method: "MetricsRepository.fetchCurrencies")) {
            _ = try await AppEnvironment.fake(.unimplemented).reports.metrics(
                try Period(from: Day(iso: "2024-01-01"), to: Day(iso: "2024-01-31")))
        }
    }

    @Test func theQueueRanksWithTheBaselineWithoutAModelAndSaysWhoIsUnknown() async throws {
        var repositories = StoreRepositories.unimplemented
        let day = try Day(iso: "2024-03-15")
        let invoice = QueueInvoice(
            id: "I1", accountID: "A1", issueDate: try Day(iso: "2024-01-10"), dueDate: try Day(iso: "2024-01-10"),
            collectionStart: try Day(iso: "2024-02-09"), total: Money(minorUnits: 50_000, currency: .usd),
            open: Money(minorUnits: 50_000, currency: .usd))
        repositories.queue = FixedQueue(data: QueueData(
            input: QueueInput(day: day, accounts: [account], invoices: [invoice]),
            paidCounts: ["A1": (paid: 2, late: 1)], ledgerLateShare: 0.5,
            history: [], model: nil))
        let tasks = try await AppEnvironment.fake(repositories).queue.tasks(specialist: "lori")
        #expect(tasks.map(\.rule) == ["first-contact"] && tasks[0].risk > 0 && tasks[0].risk < 1)
        repositories.queue = FixedQueue(data: nil)
        await #expect(throws: AppError.notFound("no accounts are assigned to specialist kim")) {
            _ = try await AppEnvironment.fake(repositories).queue.tasks(specialist: "kim")
        }
    }
}
