/// Something a signed-in user may be allowed to do; `User.Role.allows` decides.
public enum Permission: String, CaseIterable, Sendable, Hashable {
    /// See one's own queue.
    case ownQueue
    /// See any specialist's queue.
    case anyQueue
    /// Read any account, invoice and the lists of promises, change requests and follow-ups.
    case readAccounts
    /// Log touches, open cases, record promises, arrangements, billing-frequency changes and change requests.
    case workAccounts
    /// Read and act on the cases and follow-up items of one's own department.
    case departmentCases
    /// Read and act on every department's cases and follow-up items.
    case allDepartmentCases
    /// Reports and the dashboard.
    case reports
    /// Upload imports.
    case imports
    /// Assign accounts and manage corrective actions.
    case manage
    /// The audit log.
    case audit
    /// Users and settings.
    case administer
}

extension User.Role {
    /// Whether a user of this role may do `permission` (docs/web.md lists the table).
    public func allows(_ permission: Permission) -> Bool {
        switch self {
        case .admin: true
        case .manager: permission != .administer
        case .specialist: [.ownQueue, .readAccounts, .workAccounts, .departmentCases].contains(permission)
        case .department: permission == .departmentCases
        }
    }
}

extension User {
    /// Whether this user may act on a case or follow-up item owned by `department`.
    public func mayAct(onDepartment department: Department) -> Bool {
        role.allows(.allDepartmentCases) || (role.allows(.departmentCases) && self.department == department)
    }
}

extension User {
    /// Whether this user may write a follow-up item through the API: loading work is an import
    /// (managers, admins); a stored item (`storedFor` its department) may also be completed by its department.
    public func mayWriteFollowUp(storedFor department: Department?) -> Bool {
        role.allows(.imports) || (department.map { mayAct(onDepartment: $0) } ?? false)
    }
}
