/// Who may see and move a case. The web pages and the API both ask these.
extension User {
    /// Whether this user may read `item`: anyone who reads every case or account, and a member of the case's department.
    public func mayRead(_ item: Case) -> Bool {
        role.allows(.allDepartmentCases) || role.allows(.readAccounts) || department == item.department
    }

    /// Whether this user may `action` ("route", "start", "wait", "resolve", "close", "reopen", "comment") a
    /// case owned by `department`: the department (or a manager) acts on it; whoever works accounts may
    /// also route or comment on any case.
    public func mayMove(caseOf department: Department, action: String) -> Bool {
        mayAct(onDepartment: department) || (["route", "comment"].contains(action) && role.allows(.workAccounts))
    }

    /// The department whose cases a list shows to this user when `asked` is asked for (nil: every
    /// department); nil with `allowed` false when the role sees no cases or not that department's.
    public func caseListDepartment(asked: Department?) -> (allowed: Bool, department: Department?) {
        guard role.allows(.departmentCases) || role.allows(.allDepartmentCases) else { return (false, nil) }
        if !role.allows(.allDepartmentCases), role == .department {
            if let asked, asked != department { return (false, nil) }
            return (true, department)
        }
        return (true, asked)
    }
}
