/// Someone who signs in to Rapport; the role limits what they may see and change.
public struct User: Hashable, Sendable, Identifiable {
    public typealias ID = Identifier<User>

    /// What the user may do.
    public enum Role: String, CaseIterable, Sendable, Hashable {
        case admin, manager, specialist, department
    }

    /// The user name, unique.
    public var id: ID
    public var displayName: String
    public var role: Role
    /// For department members: which department's cases they see.
    public var department: Department?
    /// A disabled user cannot sign in and loses every session.
    public var isDisabled: Bool

    public init(id: ID, displayName: String, role: Role, department: Department? = nil, isDisabled: Bool = false) {
        self.id = id
        self.displayName = displayName
        self.role = role
        self.department = department
        self.isDisabled = isDisabled
    }
}
