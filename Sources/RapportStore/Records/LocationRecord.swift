import RapportCore
import SQLKit

/// A row of `locations`, mapped to and from `Location`.
struct LocationRecord: BulkRow {
    var id: String
    var accountId: String
    var name: String
    var address: String?

    static let columns = ["id", "account_id", "name", "address"]

    var sqlValues: [any SQLExpression] { [sqlValue(id), sqlValue(accountId), sqlValue(name), sqlValue(address)] }

    init(_ location: Location) {
        id = location.id.rawValue
        accountId = location.accountID.rawValue
        name = location.name
        address = location.address
    }

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: String.self)
        accountId = try row.decode(column: "account_id", as: String.self)
        name = try row.decode(column: "name", as: String.self)
        address = try row.decode(column: "address", as: String?.self)
    }

    func toDomain() -> Location {
        Location(id: Location.ID(id), accountID: Account.ID(accountId), name: name, address: address)
    }
}
