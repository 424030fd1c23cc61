import RapportCore
import SQLKit

/// Turns result rows into domain values through their records.
enum SQLRowDecoding {
    static func account(_ row: any SQLRow) throws -> Account {
        try row.decode(model: AccountRecord.self, keyDecodingStrategy: .convertFromSnakeCase).toDomain()
    }

    static func location(_ row: any SQLRow) throws -> Location {
        try row.decode(model: LocationRecord.self, keyDecodingStrategy: .convertFromSnakeCase).toDomain()
    }

    static func payment(_ row: any SQLRow) throws -> Payment {
        try row.decode(model: PaymentRecord.self, keyDecodingStrategy: .convertFromSnakeCase).toDomain()
    }

    static func invoiceHeader(_ row: any SQLRow) throws -> InvoiceRecord {
        try row.decode(model: InvoiceRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    static func invoiceLine(_ row: any SQLRow) throws -> InvoiceLineRecord {
        try row.decode(model: InvoiceLineRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
    }
}
