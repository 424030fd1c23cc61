import RapportCore
import SQLKit

/// A row of `cases` (its invoices are rows of `case_invoices`).
struct CaseRecord: BulkRow {
    var id: String
    var accountId: String
    var category: String
    var amountOnHoldMinor: Int64
    var currency: String
    var department: String
    var owner: String?
    var status: String
    var rootCause: String?
    var correctiveAction: String?
    var resolution: String?
    var openedOn: String
    var resolvedOn: String?
    var slaDays: Int

    static let columns = [
        "id", "account_id", "category", "amount_on_hold_minor", "currency", "department", "owner", "status",
        "root_cause", "corrective_action", "resolution", "opened_on", "resolved_on", "sla_days",
    ]

    var sqlValues: [any SQLExpression] {
        [sqlValue(id), sqlValue(accountId), sqlValue(category), sqlValue(amountOnHoldMinor), sqlValue(currency),
         sqlValue(department), sqlValue(owner), sqlValue(status), sqlValue(rootCause), sqlValue(correctiveAction),
         sqlValue(resolution), sqlValue(openedOn), sqlValue(resolvedOn), sqlValue(slaDays)]
    }

    init(_ item: Case) {
        id = item.id.rawValue
        accountId = item.accountID.rawValue
        category = item.category.rawValue
        amountOnHoldMinor = item.amountOnHold.minorUnits
        currency = item.amountOnHold.currency.code
        department = item.department.rawValue
        owner = item.owner
        status = item.status.rawValue
        rootCause = item.rootCause
        correctiveAction = item.correctiveAction
        resolution = item.resolution?.rawValue
        openedOn = item.openedOn.isoString
        resolvedOn = item.resolvedOn?.isoString
        slaDays = item.slaDays
    }

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: String.self)
        accountId = try row.decode(column: "account_id", as: String.self)
        category = try row.decode(column: "category", as: String.self)
        amountOnHoldMinor = try row.decode(column: "amount_on_hold_minor", as: Int64.self)
        currency = try row.decode(column: "currency", as: String.self)
        department = try row.decode(column: "department", as: String.self)
        owner = try row.decode(column: "owner", as: String?.self)
        status = try row.decode(column: "status", as: String.self)
        rootCause = try row.decode(column: "root_cause", as: String?.self)
        correctiveAction = try row.decode(column: "corrective_action", as: String?.self)
        resolution = try row.decode(column: "resolution", as: String?.self)
        openedOn = try row.decode(column: "opened_on", as: String.self)
        resolvedOn = try row.decode(column: "resolved_on", as: String?.self)
        slaDays = try row.decode(column: "sla_days", as: Int.self)
    }

    func toDomain(invoiceIDs: [Invoice.ID]) throws -> Case {
        func corrupt(_ reason: String) -> CorruptRecord { CorruptRecord(table: "cases", id: id, reason: reason) }
        guard let category = Case.Category(rawValue: category) else { throw corrupt("category \(category)") }
        guard let department = Department(rawValue: department) else { throw corrupt("department \(department)") }
        guard let status = Case.Status(rawValue: status) else { throw corrupt("status \(status)") }
        return Case(
            id: Case.ID(id), accountID: Account.ID(accountId), invoiceIDs: invoiceIDs, category: category,
            amountOnHold: Money(minorUnits: amountOnHoldMinor, currency: try Currency(currency)),
            department: department, owner: owner, status: status, rootCause: rootCause,
            correctiveAction: correctiveAction, resolution: resolution.flatMap(CaseResolution.init(rawValue:)),
            openedOn: try Day(iso: openedOn), resolvedOn: try resolvedOn.map { try Day(iso: $0) }, slaDays: slaDays)
    }
}

/// A row of `case_invoices`.
struct CaseInvoiceRecord: BulkRow {
    var caseId: String
    var invoiceId: String

    static let columns = ["case_id", "invoice_id"]

    var sqlValues: [any SQLExpression] { [sqlValue(caseId), sqlValue(invoiceId)] }
}
