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
    /// The service as it appears on invoice lines ("Monitoring"), to find lines billed after a cancellation.
    public var service: String
    public var description: String
    public var effectiveOn: Day
    /// The department that heard about it (often Sales).
    public var reportedBy: Department
    public var reportedOn: Day
    /// Set when Billing has applied the change; until then the request is open.
    public var appliedOn: Day?

    public init(
        id: ID, accountID: Account.ID, locationID: Location.ID? = nil, kind: Kind, service: String, description: String = "",
        effectiveOn: Day, reportedBy: Department, reportedOn: Day, appliedOn: Day? = nil
    ) {
        self.id = id
        self.accountID = accountID
        self.locationID = locationID
        self.kind = kind
        self.service = service
        self.description = description
        self.effectiveOn = effectiveOn
        self.reportedBy = reportedBy
        self.reportedOn = reportedOn
        self.appliedOn = appliedOn
    }

    /// Billing applies every change request.
    public static let routedTo = Department.billing

    /// Open until Billing has applied it.
    public var isOpen: Bool { appliedOn == nil }
}
