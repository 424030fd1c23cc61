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

    init(row: Cells) throws {
        id = try row.text("id")
        accountId = try row.text("account_id")
        name = try row.text("name")
        address = try row.optionalText("address")
    }

    func toDomain() -> Location {
        Location(id: Location.ID(id), accountID: Account.ID(accountId), name: name, address: address)
    }
}
