/// An add-on or cancellation a customer told anyone about, routed to Billing and open until applied.
public struct ChangeRequest: Hashable, Sendable, Identifiable {
    public typealias ID = Identifier<ChangeRequest>

    /// Whether the customer adds or drops a service.
    public enum Kind: String, CaseIterable, Sendable, Hashable {
        case addOn = "add_on"
        case cancellation
    }

    public var id: ID
    public var accountID: Account.ID
    public var locationID: Location.ID?
    public var kind: Kind
    public var description: String
    public var effectiveOn: Day
    /// The department that heard about it (often Sales).
    public var reportedBy: Department
    public var reportedOn: Day
    /// Set when Billing has applied the change; until then the request is open.
    public var appliedOn: Day?

    public init(
        id: ID, accountID: Account.ID, locationID: Location.ID? = nil, kind: Kind, description: String,
        effectiveOn: Day, reportedBy: Department, reportedOn: Day, appliedOn: Day? = nil
    ) {
        self.id = id
        self.accountID = accountID
        self.locationID = locationID
        self.kind = kind
        self.description = description
        self.effectiveOn = effectiveOn
        self.reportedBy = reportedBy
        self.reportedOn = reportedOn
        self.appliedOn = appliedOn
    }
}
