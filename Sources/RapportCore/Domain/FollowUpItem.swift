/// One punch-list item on a job, owned by a department, with a due day.
public struct FollowUpItem: Hashable, Sendable, Identifiable {
    public typealias ID = Identifier<FollowUpItem>

    public var id: ID
    /// The job the item belongs to.
    public var jobID: Job.ID
    public var description: String
    public var department: Department
    public var dueOn: Day
    public var completedOn: Day?

    public init(id: ID, jobID: Job.ID, description: String, department: Department, dueOn: Day, completedOn: Day? = nil) {
        self.id = id
        self.jobID = jobID
        self.description = description
        self.department = department
        self.dueOn = dueOn
        self.completedOn = completedOn
    }

    /// Not completed on or before `day`.
    public func isOpen(on day: Day) -> Bool { completedOn.map { $0 > day } ?? true }
}
