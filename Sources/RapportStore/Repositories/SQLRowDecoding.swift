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
}
