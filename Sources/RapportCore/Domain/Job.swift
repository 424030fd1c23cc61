/// An installation or service work order at a location, billed off before it is fully complete.
public struct Job: Hashable, Sendable, Identifiable {
    public typealias ID = Identifier<Job>

    /// Installation of a new system, or service on an existing one.
    public enum Kind: String, CaseIterable, Sendable, Hashable {
        case installation, service
    }

    public var id: ID
    public var accountID: Account.ID
    public var locationID: Location.ID?
    public var kind: Kind
    public var ownerDepartment: Department
    /// 0–100; jobs are typically billed off at about 95.
    public var percentComplete: Int
    public var billedOffOn: Day?
    /// The punch list still to do after billing off.
    public var followUps: [FollowUpItem]

    public init(
        id: ID, accountID: Account.ID, locationID: Location.ID? = nil, kind: Kind,
        ownerDepartment: Department, percentComplete: Int, billedOffOn: Day? = nil,
        followUps: [FollowUpItem] = []
    ) {
        self.id = id
        self.accountID = accountID
        self.locationID = locationID
        self.kind = kind
        self.ownerDepartment = ownerDepartment
        self.percentComplete = percentComplete
        self.billedOffOn = billedOffOn
        self.followUps = followUps
    }

    /// Follow-up items not completed on or before `day`.
    public func openFollowUps(on day: Day) -> [FollowUpItem] { followUps.filter { $0.isOpen(on: day) } }
}
