import RapportCore
import SQLKit

/// Turns result rows into domain values through their records.
enum SQLRowDecoding {
    /// A credit review's decision; an unknown stored value is a corrupt record, never `approved`.
    static func decision(_ row: any SQLRow, table: String) throws -> CreditReview.Decision {
        let text = try row.decode(column: "decision", as: String.self)
        guard let decision = CreditReview.Decision(rawValue: text) else {
            throw CorruptRecord(table: table, id: try row.decode(column: "id", as: String.self), reason: "unknown decision \"\(text)\"")
        }
        return decision
    }

    static func account(_ row: any SQLRow) throws -> Account {
        try AccountRecord(row: row).toDomain()
    }

    static func location(_ row: any SQLRow) throws -> Location {
        try LocationRecord(row: row).toDomain()
    }

    static func payment(_ row: any SQLRow) throws -> Payment {
        try PaymentRecord(row: row).toDomain()
    }

    static func invoiceHeader(_ row: any SQLRow) throws -> InvoiceRecord {
        try InvoiceRecord(row: row)
    }

    static func invoiceLine(_ row: any SQLRow) throws -> InvoiceLineRecord {
        try InvoiceLineRecord(row: row)
    }

    /// An invoice as risk training sees it: a row with the invoice's columns, `collection_start`
    /// and `paid_on` (null while unpaid).
    static func invoiceFacts(_ row: any SQLRow) throws -> RiskTraining.InvoiceFacts {
        RiskTraining.InvoiceFacts(
            id: Invoice.ID(try row.decode(column: "id", as: String.self)),
            accountID: Account.ID(try row.decode(column: "account_id", as: String.self)),
            issueDate: try Day(iso: try row.decode(column: "issue_date", as: String.self)),
            dueDate: try Day(iso: try row.decode(column: "due_date", as: String.self)),
            total: Money(minorUnits: try row.decode(column: "total_minor", as: Int64.self),
                         currency: try Currency(try row.decode(column: "currency", as: String.self))),
            paidOn: try row.decode(column: "paid_on", as: String?.self).map { try Day(iso: $0) },
            jobID: try row.decode(column: "job_id", as: String?.self).map { Job.ID($0) },
            collectionStart: try Day(iso: try row.decode(column: "collection_start", as: String.self)),
            credited: try row.decode(column: "settled_by", as: String?.self) == "credit")
    }
}
