import RapportCore

/// The columns of `accounts.csv` and how one row becomes an `Account`.
enum AccountRow {
    static let required = ["account_id", "name", "segment"]
    static let columns = required + [
        "parent_id", "billing_frequency", "specialist", "key_account", "hardship", "opened_on", "salesperson",
        "service_manager", "new_client", "new_contractor",
    ]

    static func decode(_ row: RowReader) throws(RowError) -> Account {
        let id = Account.ID(try row.required("account_id"))
        let parent = row.optional("parent_id").map { Account.ID($0) }
        if parent == id { throw row.error("parent_id", "an account cannot be its own parent") }
        var flags: Set<Account.Flag> = []
        if try row.bool("key_account") == true { flags.insert(.keyAccount) }
        if try row.bool("hardship") == true { flags.insert(.hardship) }
        if try row.bool("new_client") == true { flags.insert(.newClient) }
        if try row.bool("new_contractor") == true { flags.insert(.newContractor) }
        guard let segment = try row.choice("segment", as: Account.Segment.self) else {
            throw row.error("segment", "is required")
        }
        return Account(
            id: id,
            name: try row.required("name"),
            segment: segment,
            parentID: parent,
            billingFrequency: try row.choice("billing_frequency", as: Account.BillingFrequency.self) ?? .monthly,
            specialist: row.optional("specialist"),
            flags: flags,
            openedOn: try row.optionalDay("opened_on"),
            salesperson: row.optional("salesperson"),
            serviceManager: row.optional("service_manager")
        )
    }

    static func encode(_ account: Account) -> [String] {
        [
            account.id.rawValue, account.name, account.segment.rawValue, account.parentID?.rawValue ?? "",
            account.billingFrequency.rawValue, account.specialist ?? "", String(account.isKeyAccount),
            String(account.hasHardship), account.openedOn?.isoString ?? "", account.salesperson ?? "",
            account.serviceManager ?? "", String(account.flags.contains(.newClient)),
            String(account.flags.contains(.newContractor)),
        ]
    }
}
