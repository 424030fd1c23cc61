import RapportCore
import SQLKit

/// A row of `payments`, mapped to and from `Payment`.
struct PaymentRecord: BulkRow {
    var id: String
    var accountId: String
    var receivedOn: String
    var amountMinor: Int64
    var currency: String
    var invoiceId: String?
    var method: String?

    static let columns = ["id", "account_id", "received_on", "amount_minor", "currency", "invoice_id", "method"]

    var sqlValues: [any SQLExpression] {
        [sqlValue(id), sqlValue(accountId), sqlValue(receivedOn), sqlValue(amountMinor), sqlValue(currency),
         sqlValue(invoiceId), sqlValue(method)]
    }

    init(_ payment: Payment) {
        id = payment.id.rawValue
        accountId = payment.accountID.rawValue
        receivedOn = payment.receivedOn.isoString
        amountMinor = payment.amount.minorUnits
        currency = payment.amount.currency.code
        invoiceId = payment.invoiceID?.rawValue
        method = payment.method
    }

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: String.self)
        accountId = try row.decode(column: "account_id", as: String.self)
        receivedOn = try row.decode(column: "received_on", as: String.self)
        amountMinor = try row.decode(column: "amount_minor", as: Int64.self)
        currency = try row.decode(column: "currency", as: String.self)
        invoiceId = try row.decode(column: "invoice_id", as: String?.self)
        method = try row.decode(column: "method", as: String?.self)
    }

    func toDomain() throws -> Payment {
        Payment(
            id: Payment.ID(id), accountID: Account.ID(accountId), receivedOn: try Day(iso: receivedOn),
            amount: Money(minorUnits: amountMinor, currency: try Currency(currency)),
            invoiceID: invoiceId.map { Invoice.ID($0) }, method: method)
    }
}
