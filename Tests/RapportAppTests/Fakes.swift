import Foundation
import Logging
import RapportApp
import RapportCore
import RapportStore
import RapportTestSupport

/// Accounts held in memory; every other account method is unimplemented.
struct FixedAccounts: AccountRepository {
    var accounts: [Account]
    let rest = UnimplementedRepository()

    func fetchAccounts(_ ids: some Collection<Account.ID> & Sendable) async throws -> [Account] {
        let wanted = Set(ids)
        return accounts.filter { wanted.contains($0.id) }
    }
    func insertAccounts(_ accounts: [Account], progress: BatchProgress?) async throws { try await rest.insertAccounts(accounts, progress: progress) }
    func fetchChildren(of parent: Account.ID) async throws -> [Account] { try await rest.fetchChildren(of: parent) }
    func fetchFamily(of root: Account.ID) async throws -> [Account] { try await rest.fetchFamily(of: root) }
    func countAccounts() async throws -> Int { try await rest.countAccounts() }
    func fetchAccountPage(after: Account.ID?, limit: Int) async throws -> [Account] { try await rest.fetchAccountPage(after: after, limit: limit) }
    func forEachAccountPage(size: Int, _ body: ([Account]) async throws -> Void) async throws { try await rest.forEachAccountPage(size: size, body) }
}

/// Cases kept in memory, recording every insert.
final class InMemoryCases: CaseRepository, @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Case.ID: Case] = [:]
    private(set) var inserted: [Case.ID] = []

    init(_ cases: [Case] = []) { for item in cases { stored[item.id] = item } }

    func fetchCase(_ id: Case.ID) async throws -> Case? { lock.withLock { stored[id] } }
    func fetchCases(department: Department?, status: Case.Status?, account: Account.ID?) async throws -> [Case] {
        lock.withLock { stored.values.sorted { $0.id < $1.id } }
    }
    func fetchCases(resolvedIn period: Period) async throws -> [Case] {
        lock.withLock { stored.values.filter { $0.resolvedOn.map(period.contains) ?? false }.sorted { $0.id < $1.id } }
    }
    func insertCase(_ item: Case) async throws {
        lock.withLock {
            stored[item.id] = item
            inserted.append(item.id)
        }
    }
    func updateCase(_ item: Case) async throws { lock.withLock { stored[item.id] = item } }
    func countCases() async throws -> Int { throw Unimplemented(method: "CaseRepository.countCases") }
}

/// An audit log in memory, recording every event appended.
final class InMemoryAudit: AuditRepository, @unchecked Sendable {
    private let lock = NSLock()
    private(set) var events: [AuditEvent] = []

    func insertAuditEvent(_ event: AuditEvent) async throws { lock.withLock { events.append(event) } }
    func fetchAuditEvents(since: Instant?, limit: Int) async throws -> [AuditEvent] { lock.withLock { events } }
    func fetchAuditEvents(entity: String, id: String) async throws -> [AuditEvent] {
        lock.withLock { events.filter { $0.entity == entity && $0.entityID == id } }
    }
}

/// Queue data handed over as given.
struct FixedQueue: QueueRepository {
    var data: QueueData?
    func fetchQueueData(specialist: String, day: Day, jobsBilledOffFrom: Day) async throws -> QueueData? { data }
    func fetchSpecialists() async throws -> [String] { throw Unimplemented(method: "QueueRepository.fetchSpecialists") }
    func fetchTouches(from starts: [Account.ID: Day], through: Day) async throws -> [Interaction] { [] }
    func fetchLatestTouches(accounts: [Account.ID], purposes: [Interaction.Purpose], through: Day) async throws -> [Interaction] { [] }
    func fetchCallBacks(from: Day, through: Day) async throws -> [Interaction] { [] }
}

/// A counter in memory.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int64

    init(startingAfter value: Int64) { self.value = value }

    func next() -> Int64 { lock.withLock { value += 1; return value } }
}

extension AppEnvironment {
    /// An environment on `repositories` whose clock reads 2024-03-15 12:00 UTC in Chicago and whose ids come from `counter`.
    static func fake(_ repositories: StoreRepositories, counter: Counter = Counter(startingAfter: 0)) -> AppEnvironment {
        AppEnvironment(
            repositories: repositories,
            clock: CompanyClock(timeZone: TimeZone(identifier: "America/Chicago")!, now: { Date(timeIntervalSince1970: 1_710_504_000) }),
            ids: IDSource(nextValue: { _ in counter.next() }), logger: Logger(label: "rapport.test"))
    }
}
