import RapportCore
import SQLKit

/// A row of `contacts`, mapped to and from `Contact`.
struct ContactRecord: BulkRow {
    var id: String
    var accountId: String
    var locationId: String?
    var name: String
    var role: String
    var email: String?
    var phone: String?

    static let columns = ["id", "account_id", "location_id", "name", "role", "email", "phone"]

    var sqlValues: [any SQLExpression] {
        [sqlValue(id), sqlValue(accountId), sqlValue(locationId), sqlValue(name), sqlValue(role), sqlValue(email), sqlValue(phone)]
    }

    init(_ contact: Contact) {
        id = contact.id.rawValue
        accountId = contact.accountID.rawValue
        locationId = contact.locationID?.rawValue
        name = contact.name
        role = contact.role.rawValue
        email = contact.email
        phone = contact.phone
    }

    init(row: Cells) throws {
        id = try row.text("id")
        accountId = try row.text("account_id")
        locationId = try row.optionalText("location_id")
        name = try row.text("name")
        role = try row.text("role")
        email = try row.optionalText("email")
        phone = try row.optionalText("phone")
    }

    func toDomain() throws -> Contact {
        guard let role = Contact.Role(rawValue: role) else { throw CorruptRecord(table: "contacts", id: id, reason: "role \(role)") }
        return Contact(
            id: Contact.ID(id), accountID: Account.ID(accountId), locationID: locationId.map { Location.ID($0) }, name: name,
            role: role, email: email, phone: phone)
    }
}
