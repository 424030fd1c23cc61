import RapportCore

/// Punch-list items: what is still to do on billed-off work, by department, and marking an item done.
public struct FollowUpUseCases: Sendable {
    let env: AppEnvironment

    /// One open item with the job it belongs to and the open invoices that wait on the job.
    public struct OpenItem: Sendable {
        public var item: FollowUpItem
        public var job: Job?
        /// Days since the job was billed off (nil when it was not).
        public var daysSinceBilledOff: Int?
        public var waitingInvoices: [Invoice.ID]
    }

    /// The open items of `department` (all when nil), by due day.
    public func open(department: Department? = nil, on day: Day? = nil) async throws -> [OpenItem] {
        let repositories = env.repositories
        let today = env.day(day)
        let items = try await repositories.jobs.fetchOpenFollowUps(department: department)
        let jobs = Dictionary(try await repositories.jobs.fetchJobs(Array(Set(items.map(\.jobID)))).map { ($0.id, $0) },
                              uniquingKeysWith: { first, _ in first })
        var waiting: [Job.ID: [Invoice.ID]] = [:]
        for job in jobs.keys { waiting[job] = try await repositories.invoices.fetchOpenInvoiceIDs(job: job) }
        return items.map { item in
            let job = jobs[item.jobID]
            return OpenItem(item: item, job: job, daysSinceBilledOff: job?.billedOffOn.map { today.days(since: $0) },
                            waitingInvoices: waiting[item.jobID] ?? [])
        }
    }

    /// The stored item `id`.
    public func get(_ id: FollowUpItem.ID) async throws -> FollowUpItem {
        guard let item = try await env.repositories.jobs.fetchFollowUps([id]).first else {
            throw AppError.notFound("unknown follow-up item \(id)")
        }
        return item
    }

    /// The stored job `id` with its follow-up items.
    public func job(_ id: Job.ID) async throws -> Job {
        guard let job = try await env.repositories.jobs.fetchJobs([id]).first else { throw AppError.notFound("unknown job \(id)") }
        return job
    }

    /// The stored item `id`, or nil.
    public func find(_ id: FollowUpItem.ID) async throws -> FollowUpItem? {
        try await env.repositories.jobs.fetchFollowUps([id]).first
    }

    /// Marks the item done on `day` (default today); an item already done is refused.
    public func complete(_ id: FollowUpItem.ID, on day: Day? = nil) async throws -> FollowUpItem {
        var item = try await get(id)
        guard item.completedOn == nil else { throw AppError.conflict("follow-up item \(id) was already done on \(item.completedOn!)") }
        item.completedOn = env.day(day)
        try await env.repositories.jobs.saveFollowUps(new: [], completed: [item], progress: nil)
        try await env.audit.record("followup.done", entity: "followup", id: id.rawValue,
                                   before: AuditEvent.fields(["completedOn": nil]),
                                   after: AuditEvent.fields(["completedOn": item.completedOn?.isoString, "job": item.jobID.rawValue]))
        return item
    }
}

extension AppEnvironment {
    /// Punch-list items.
    public var followUps: FollowUpUseCases { FollowUpUseCases(env: self) }
}
