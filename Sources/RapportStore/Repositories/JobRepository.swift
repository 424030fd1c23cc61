import RapportCore

/// Reads and writes jobs and their follow-up items.
public protocol JobRepository: Sendable {
    /// The stored jobs among `ids`, without their follow-ups.
    func fetchJobs(_ ids: some Collection<Job.ID> & Sendable) async throws -> [Job]
    /// Inserts new jobs in one transaction.
    func insertJobs(_ jobs: [Job], progress: BatchProgress?) async throws
    /// Calls `body` with every job, in id order, a page at a time.
    func forEachJobPage(size: Int, _ body: ([Job]) async throws -> Void) async throws
    /// The stored follow-up items among `ids`.
    func fetchFollowUps(_ ids: some Collection<FollowUpItem.ID> & Sendable) async throws -> [FollowUpItem]
    /// Inserts new follow-up items and records completions of stored ones, in one transaction.
    func saveFollowUps(new items: [FollowUpItem], completed: [FollowUpItem], progress: BatchProgress?) async throws
    /// Calls `body` with every follow-up item, in id order, a page at a time.
    func forEachFollowUpPage(size: Int, _ body: ([FollowUpItem]) async throws -> Void) async throws
    /// Follow-up items not yet done, of `department` (all when nil), by due day.
    func fetchOpenFollowUps(department: Department?) async throws -> [FollowUpItem]
}

extension JobRepository {
    public func fetchOpenFollowUps(department: Department?) async throws -> [FollowUpItem] {
        throw UnsupportedQuery(name: "JobRepository.fetchOpenFollowUps")
    }
}
