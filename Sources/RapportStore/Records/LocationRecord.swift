import RapportCore

/// A row of `locations`, mapped to and from `Location`.
struct LocationRecord: Codable, Sendable {
    var id: String
    var accountId: String
    var name: String
    var address: String?

    init(_ location: Location) {
        id = location.id.rawValue
        accountId = location.accountID.rawValue
        name = location.name
        address = location.address
    }

    func toDomain() -> Location {
        Location(id: Location.ID(id), accountID: Account.ID(accountId), name: name, address: address)
    }
}
