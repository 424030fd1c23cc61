/// A person at the customer, with the role they play for us and the account or location they cover.
public struct Contact: Hashable, Sendable, Identifiable {
    public typealias ID = Identifier<Contact>

    /// What the person does for the customer.
    public enum Role: String, CaseIterable, Sendable, Hashable {
        case accountsPayable = "accounts_payable"
        case facilities
        case decisionMaker = "decision_maker"
        case billing
    }

    public var id: ID
    public var accountID: Account.ID
    /// Set when the contact covers one location rather than the whole account.
    public var locationID: Location.ID?
    public var name: String
    public var role: Role
    public var email: String?
    public var phone: String?

    public init(
        id: ID, accountID: Account.ID, locationID: Location.ID? = nil, name: String, role: Role,
        email: String? = nil, phone: String? = nil
    ) {
        self.id = id
        self.accountID = accountID
        self.locationID = locationID
        self.name = name
        self.role = role
        self.email = email
        self.phone = phone
    }
}
