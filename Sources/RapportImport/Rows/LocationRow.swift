import RapportCore

/// The columns of `locations.csv` and how one row becomes a `Location`.
enum LocationRow {
    static let required = ["location_id", "account_id", "name"]
    static let columns = required + ["address"]

    static func decode(_ row: RowReader) throws(RowError) -> Location {
        Location(
            id: Location.ID(try row.required("location_id")),
            accountID: Account.ID(try row.required("account_id")),
            name: try row.required("name"),
            address: row.optional("address")
        )
    }

    static func encode(_ location: Location) -> [String] {
        [location.id.rawValue, location.accountID.rawValue, location.name, location.address ?? ""]
    }
}
