import RapportCore
import SQLKit

/// Turns result rows into domain values through their records.
enum SQLRowDecoding {
    /// A credit review's decision; an unknown stored value is a corrupt record, never `approved`.
    static func decision(_ row: Cells, table: String) throws -> CreditReview.Decision {
        let text = try row.text("decision")
        guard let decision = CreditReview.Decision(rawValue: text) else {
            throw CorruptRecord(table: table, id: try row.text("id"), reason: "unknown decision \"\(text)\"")
        }
        return decision
    }

    static func account(_ row: Cells) throws -> Account {
        try AccountRecord(row: row).toDomain()
    }

    static func location(_ row: Cells) throws -> Location {
        try LocationRecord(row: row).toDomain()
    }

    static func payment(_ row: Cells) throws -> Payment {
        try PaymentRecord(row: row).toDomain()
    }

    static func invoiceHeader(_ row: Cells) throws -> InvoiceRecord {
        try InvoiceRecord(row: row)
    }

    static func invoiceLine(_ row: Cells) throws -> InvoiceLineRecord {
        try InvoiceLineRecord(row: row)
    }

    /// An invoice as risk training sees it: a row with the invoice's columns, `collection_start`
    /// and `paid_on` (null while unpaid).
    static func invoiceFacts(_ row: Cells) throws -> RiskTraining.InvoiceFacts {
        RiskTraining.InvoiceFacts(
            id: Invoice.ID(try row.text("id")),
            accountID: Account.ID(try row.text("account_id")),
            issueDate: try Day(iso: try row.text("issue_date")),
            dueDate: try Day(iso: try row.text("due_date")),
            total: Money(minorUnits: try row.integer("total_minor"),
                         currency: try Currency(try row.text("currency"))),
            paidOn: try row.optionalText("paid_on").map { try Day(iso: $0) },
            jobID: try row.optionalText("job_id").map { Job.ID($0) },
            collectionStart: try Day(iso: try row.text("collection_start")),
            credited: try row.optionalText("settled_by") == "credit")
    }
}
