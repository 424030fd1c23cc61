import RapportCore
import SQLKit

/// A row of `accounts`, mapped to and from `Account`.
struct AccountRecord: BulkRow {
    var id: String
    var name: String
    var segment: String
    var parentId: String?
    var billingFrequency: String
    var dueDays: Int
    var collectionStartDays: Int
    var specialist: String?
    var salesperson: String?
    var serviceManager: String?
    /// Flag names, sorted, comma-separated ("hardship,key_account").
    var flags: String
    var openedOn: String?

    static let columns = [
        "id", "name", "segment", "parent_id", "billing_frequency", "due_days", "collection_start_days",
        "specialist", "flags", "opened_on", "salesperson", "service_manager",
    ]

    var sqlValues: [any SQLExpression] {
        [sqlValue(id), sqlValue(name), sqlValue(segment), sqlValue(parentId), sqlValue(billingFrequency),
         sqlValue(dueDays), sqlValue(collectionStartDays), sqlValue(specialist), sqlValue(flags), sqlValue(openedOn),
         sqlValue(salesperson), sqlValue(serviceManager)]
    }

    init(_ account: Account) {
        id = account.id.rawValue
        name = account.name
        segment = account.segment.rawValue
        parentId = account.parentID?.rawValue
        billingFrequency = account.billingFrequency.rawValue
        dueDays = account.terms.dueDays
        collectionStartDays = account.terms.collectionStartDays
        specialist = account.specialist
        salesperson = account.salesperson
        serviceManager = account.serviceManager
        flags = account.flags.sorted().map(\.rawValue).joined(separator: ",")
        openedOn = account.openedOn?.isoString
    }

    init(row: Cells) throws {
        id = try row.text("id")
        name = try row.text("name")
        segment = try row.text("segment")
        parentId = try row.optionalText("parent_id")
        billingFrequency = try row.text("billing_frequency")
        dueDays = try row.int("due_days")
        collectionStartDays = try row.int("collection_start_days")
        specialist = try row.optionalText("specialist")
        salesperson = try row.optionalText("salesperson")
        serviceManager = try row.optionalText("service_manager")
        flags = try row.text("flags")
        openedOn = try row.optionalText("opened_on")
    }

    func toDomain() throws -> Account {
        func corrupt(_ reason: String) -> CorruptRecord { CorruptRecord(table: "accounts", id: id, reason: reason) }
        guard let segment = Account.Segment(rawValue: segment) else { throw corrupt("segment \(segment)") }
        guard let frequency = Account.BillingFrequency(rawValue: billingFrequency) else {
            throw corrupt("billing_frequency \(billingFrequency)")
        }
        var flagSet: Set<Account.Flag> = []
        for name in flags.split(separator: ",") {
            guard let flag = Account.Flag(rawValue: String(name)) else { throw corrupt("flag \(name)") }
            flagSet.insert(flag)
        }
        return Account(
            id: Account.ID(id), name: name, segment: segment, parentID: parentId.map { Account.ID($0) },
            billingFrequency: frequency, terms: Terms(dueDays: dueDays, collectionStartDays: collectionStartDays),
            specialist: specialist, flags: flagSet, openedOn: try openedOn.map { try Day(iso: $0) },
            salesperson: salesperson, serviceManager: serviceManager
        )
    }
}
