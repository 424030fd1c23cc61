/// A site of an account; invoice lines name their location so statements can be broken down by site.
public struct Location: Hashable, Sendable, Identifiable {
    public typealias ID = Identifier<Location>

    public var id: ID
    public var accountID: Account.ID
    public var name: String
    public var address: String?

    public init(id: ID, accountID: Account.ID, name: String, address: String? = nil) {
        self.id = id
        self.accountID = accountID
        self.name = name
        self.address = address
    }
}
