import RapportCore

/// A specialist's day: the queue of tasks the playbook makes, highest priority first.
public struct QueueUseCases: Sendable {
    let env: AppEnvironment

    /// The tasks of `specialist` on `day` (default today) under `playbook`, each with its reason.
    /// Accounts the trained late-payment model can score are ranked by it; the rest by the baseline.
    public func tasks(specialist: String, on day: Day? = nil, playbook: Playbook = .standard) async throws -> [QueueTask] {
        let day = env.day(day)
        guard let data = try await env.repositories.queue.fetchQueueData(specialist: specialist, day: day) else {
            throw AppError.notFound("no accounts are assigned to specialist \(specialist)")
        }
        return QueueRanking.tasks(data.input, playbook: playbook, paidHistory: data.paidHistory,
                                  ledgerLateShare: data.ledgerLateShare, history: data.history, model: data.model?.model)
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
