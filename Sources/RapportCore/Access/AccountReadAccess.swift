extension User {
    /// Whether this user may read an account (or one of its invoices) that concerns `departments`:
    /// anyone who reads every account, and a department member when her department owns one of its
    /// cases or follow-up items — the accounts her work concerns, read only.
    public func mayRead(accountConcerning departments: Set<Department>) -> Bool {
        if role.allows(.readAccounts) { return true }
        guard role.allows(.departmentCases), let department else { return false }
        return departments.contains(department)
    }
}

extension Invoice {
    /// The departments an invoice concerns: those of the cases holding it and of its job's owner
    /// and follow-up items.
    public static func departmentsConcerned(holdingCases: [Case], job: Job?) -> Set<Department> {
        var departments = Set(holdingCases.map(\.department))
        if let job {
            departments.insert(job.ownerDepartment)
            departments.formUnion(job.followUps.map(\.department))
        }
        return departments
    }
}

extension AccountOverview {
    /// The departments the account's family concerns: those owning any of its cases (whatever the
    /// status) or one of its jobs' follow-up items still open on the day; Billing when a change request waits.
    public var departmentsConcerned: Set<Department> {
        var departments = Set(allCases.map(\.department))
        for job in jobsWithOpenFollowUps { departments.formUnion(job.followUps.map(\.department)) }
        if changeRequests.contains(where: { $0.appliedOn.map { $0 > asOf } ?? true }) { departments.insert(.billing) }
        return departments
    }
}
