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
    var jobId: String?
    var notes: String

    static let columns = [
        "id", "account_id", "category", "amount_on_hold_minor", "currency", "department", "owner", "status",
        "root_cause", "corrective_action", "resolution", "opened_on", "resolved_on", "sla_days", "job_id", "notes",
    ]

    var sqlValues: [any SQLExpression] {
        [sqlValue(id), sqlValue(accountId), sqlValue(category), sqlValue(amountOnHoldMinor), sqlValue(currency),
         sqlValue(department), sqlValue(owner), sqlValue(status), sqlValue(rootCause), sqlValue(correctiveAction),
         sqlValue(resolution), sqlValue(openedOn), sqlValue(resolvedOn), sqlValue(slaDays), sqlValue(jobId), sqlValue(notes)]
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
        jobId = item.jobID?.rawValue
        notes = item.notes
    }

    init(row: Cells) throws {
        id = try row.text("id")
        accountId = try row.text("account_id")
        category = try row.text("category")
        amountOnHoldMinor = try row.integer("amount_on_hold_minor")
        currency = try row.text("currency")
        department = try row.text("department")
        owner = try row.optionalText("owner")
        status = try row.text("status")
        rootCause = try row.optionalText("root_cause")
        correctiveAction = try row.optionalText("corrective_action")
        resolution = try row.optionalText("resolution")
        openedOn = try row.text("opened_on")
        resolvedOn = try row.optionalText("resolved_on")
        slaDays = try row.int("sla_days")
        jobId = try row.optionalText("job_id")
        notes = try row.optionalText("notes") ?? ""
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
            openedOn: try Day(iso: openedOn), resolvedOn: try resolvedOn.map { try Day(iso: $0) }, slaDays: slaDays,
            jobID: jobId.map { Job.ID($0) }, notes: notes)
    }
}

/// A row of `case_invoices`.
struct CaseInvoiceRecord: BulkRow {
    var caseId: String
    var invoiceId: String

    static let columns = ["case_id", "invoice_id"]

    var sqlValues: [any SQLExpression] { [sqlValue(caseId), sqlValue(invoiceId)] }
}
