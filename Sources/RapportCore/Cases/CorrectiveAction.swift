/// A change to how the company works, made to stop a root cause recurring (a walkthrough before
/// billing off, cancellations entered by Sales straight into Billing's queue).
public struct CorrectiveAction: Hashable, Sendable, Identifiable {
    public typealias ID = Identifier<CorrectiveAction>

    public var id: ID
    /// The root-cause code it addresses.
    public var rootCause: String
    public var description: String
    public var ownerDepartment: Department
    public var dueOn: Day
    /// Set once the change is in place; the effect report compares before and after this day.
    public var implementedOn: Day?

    public init(
        id: ID, rootCause: String, description: String, ownerDepartment: Department, dueOn: Day, implementedOn: Day? = nil
    ) {
        self.id = id
        self.rootCause = rootCause
        self.description = description
        self.ownerDepartment = ownerDepartment
        self.dueOn = dueOn
        self.implementedOn = implementedOn
    }
}
