import RapportCore

/// A specialist's day: the queue of tasks the playbook makes, highest priority first.
public struct QueueUseCases: Sendable {
    let env: AppEnvironment

    /// The tasks of `specialist` on `day` (default today) under `playbook`, each with its reason.
    /// Accounts the trained late-payment model can score are ranked by it; the rest by the baseline.
    /// A server keeps each queue until the data changes (`AppEnvironment.derived`).
    public func tasks(specialist: String, on day: Day? = nil, playbook: Playbook = .standard) async throws -> [QueueTask] {
        let day = env.day(day)
        guard let cache = env.derived?.queues else { return try await compute(specialist: specialist, on: day, playbook: playbook) }
        let version = try await env.repositories.changes.fetchChangeVersion(.queue(specialist: specialist))
        let key = DerivedResults.QueueKey(specialist: specialist, day: day, playbook: playbook)
        return try await cache.value(key, version: version) { [self] in try await compute(specialist: specialist, on: day, playbook: playbook) }
    }

    /// The queue computed from the data now.
    private func compute(specialist: String, on day: Day, playbook: Playbook) async throws -> [QueueTask] {
        let repository = env.repositories.queue
        let queue = Queue(playbook: playbook)
        guard var data = try await repository.fetchQueueData(
            specialist: specialist, day: day, jobsBilledOffFrom: queue.jobsBilledOffFrom(day)) else {
            throw AppError.notFound("no accounts are assigned to specialist \(specialist)")
        }
        // Touches only matter from the earliest day a task can be due (Core says which), plus each
        // account's latest key-account visit: read that window, not every touch ever made.
        let latest = try await repository.fetchLatestTouches(
            accounts: queue.latestTouchAccounts(data.input), purposes: queue.latestTouchPurposes, through: day)
        // A call-back is due on the day a touch named (within the check-in window): its touch may be
        // older than the window, so the touches naming a day are read on their own, and win the merge.
        var callBacks: [Interaction] = []
        if playbook.rules.contains(where: { $0.trigger == .nextContact }) {
            let mine = Set(data.input.accounts.map(\.id))
            callBacks = try await repository.fetchCallBacks(from: day.adding(days: -queue.checkInWindowDays), through: day)
                .filter { mine.contains($0.accountID) }
        }
        data.input.interactions = Self.merged(callBacks, latest)
        let window = try await repository.fetchTouches(from: queue.earliestDueByAccount(data.input), through: day)
        data.input.interactions = Self.merged(callBacks, window, latest)
        let baseline = LatePaymentBaseline(counts: data.paidCounts, averageLateShare: data.ledgerLateShare)
        return QueueRanking.tasks(data.input, playbook: playbook, baseline: baseline, history: data.history, model: data.model?.model)
    }

    /// The touches of `lists`, each once (the first list's copy wins: only call-backs carry their
    /// next contact day), oldest first.
    static func merged(_ lists: [Interaction]...) -> [Interaction] {
        var seen = Set<Interaction.ID>()
        return lists.joined().filter { seen.insert($0.id).inserted }.sorted { ($0.occurredOn, $0.id) < ($1.occurredOn, $1.id) }
    }

    /// The latest touch through `day` that reached each of `accounts` (any purpose), for the queue's "last touch".
    public func lastTouches(_ accounts: [Account.ID], through day: Day) async throws -> [Account.ID: Interaction] {
        guard !accounts.isEmpty else { return [:] }
        let touches = try await env.repositories.queue.fetchLatestTouches(
            accounts: accounts, purposes: Interaction.Purpose.allCases, through: day)
        return Dictionary(touches.map { ($0.accountID, $0) }) { first, second in
            (first.occurredOn, first.id.rawValue) >= (second.occurredOn, second.id.rawValue) ? first : second
        }
    }

    /// The specialists with at least one account, sorted.
    public func specialists() async throws -> [String] {
        try await env.repositories.queue.fetchSpecialists()
    }
}

extension AppEnvironment {
    /// Specialists' queues.
    public var queue: QueueUseCases { QueueUseCases(env: self) }
}
