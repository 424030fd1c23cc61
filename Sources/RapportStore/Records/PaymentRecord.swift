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

    init(row: Cells) throws {
        id = try row.text("id")
        accountId = try row.text("account_id")
        receivedOn = try row.text("received_on")
        amountMinor = try row.integer("amount_minor")
        currency = try row.text("currency")
        invoiceId = try row.optionalText("invoice_id")
        method = try row.optionalText("method")
    }

    func toDomain() throws -> Payment {
        Payment(
            id: Payment.ID(id), accountID: Account.ID(accountId), receivedOn: try Day(iso: receivedOn),
            amount: Money(minorUnits: amountMinor, currency: try Currency(currency)),
            invoiceID: invoiceId.map { Invoice.ID($0) }, method: method)
    }
}
