import RapportCore

/// The columns of `contacts.csv` and how one row becomes a `Contact`.
enum ContactRow {
    static let required = ["contact_id", "account_id", "name", "role"]
    static let columns = required + ["location_id", "email", "phone"]

    static func decode(_ row: RowReader) throws(RowError) -> Contact {
        guard let role = try row.choice("role", as: Contact.Role.self) else { throw row.error("role", "is required") }
        return Contact(
            id: Contact.ID(try row.required("contact_id")),
            accountID: Account.ID(try row.required("account_id")),
            locationID: row.optional("location_id").map { Location.ID($0) },
            name: try row.required("name"), role: role, email: row.optional("email"), phone: row.optional("phone"))
    }

    static func encode(_ contact: Contact) -> [String] {
        [
            contact.id.rawValue, contact.accountID.rawValue, contact.name, contact.role.rawValue,
            contact.locationID?.rawValue ?? "", contact.email ?? "", contact.phone ?? "",
        ]
    }
}
