import RapportCore
import SQLKit

/// Turns result rows into domain values through their records.
enum SQLRowDecoding {
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
            collectionStart: try Day(iso: try row.decode(column: "collection_start", as: String.self)))
    }
}
