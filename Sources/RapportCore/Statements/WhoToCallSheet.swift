/// The "who to call" sheet of a key account: the customer's people by location and role, and ours
/// (specialist, salesperson, service manager) for the account and each child account.
public struct WhoToCallSheet: Hashable, Sendable {
    /// Our people for one account.
    public struct OurPeople: Hashable, Sendable {
        public var accountID: Account.ID
        public var accountName: String
        public var specialist: String?
        public var salesperson: String?
        public var serviceManager: String?
    }

    /// The customer's people at one location (or for the whole account).
    public struct Site: Hashable, Sendable {
        public var accountID: Account.ID
        public var locationID: Location.ID?
        /// The location's name, or "Whole account".
        public var name: String
        /// Sorted by role, then name.
        public var contacts: [Contact]
    }

    public var accountID: Account.ID
    public var ours: [OurPeople]
    public var sites: [Site]

    /// Builds the sheet for `accountID` from its accounts (parent first, then children), contacts and locations.
    public init(accountID: Account.ID, accounts: [Account], contacts: [Contact], locationNames: [Location.ID: String]) {
        self.accountID = accountID
        ours = accounts.map {
            OurPeople(accountID: $0.id, accountName: $0.name, specialist: $0.specialist, salesperson: $0.salesperson,
                      serviceManager: $0.serviceManager)
        }
        let order = Dictionary(uniqueKeysWithValues: Contact.Role.allCases.enumerated().map { ($0.element, $0.offset) })
        let grouped = Dictionary(grouping: contacts) { "\($0.accountID.rawValue)|\($0.locationID?.rawValue ?? "")" }
        sites = grouped.values.map { group in
            let first = group[0]
            return Site(
                accountID: first.accountID, locationID: first.locationID,
                name: first.locationID.map { locationNames[$0] ?? $0.rawValue } ?? "Whole account",
                contacts: group.sorted { (order[$0.role]!, $0.name, $0.id) < (order[$1.role]!, $1.name, $1.id) })
        }.sorted { a, b in (a.accountID, a.locationID == nil ? 0 : 1, a.name) < (b.accountID, b.locationID == nil ? 0 : 1, b.name) }
    }
}
