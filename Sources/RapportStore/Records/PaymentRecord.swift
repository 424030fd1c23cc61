import RapportCore

/// A row of `payments`, mapped to and from `Payment`.
struct PaymentRecord: Codable, Sendable {
    var id: String
    var accountId: String
    var receivedOn: String
    var amountMinor: Int64
    var currency: String
    var invoiceId: String?
    var method: String?

    init(_ payment: Payment) {
        id = payment.id.rawValue
        accountId = payment.accountID.rawValue
        receivedOn = payment.receivedOn.isoString
        amountMinor = payment.amount.minorUnits
        currency = payment.amount.currency.code
        invoiceId = payment.invoiceID?.rawValue
        method = payment.method
    }

    func toDomain() throws -> Payment {
        Payment(
            id: Payment.ID(id), accountID: Account.ID(accountId), receivedOn: try Day(iso: receivedOn),
            amount: Money(minorUnits: amountMinor, currency: try Currency(currency)),
            invoiceID: invoiceId.map { Invoice.ID($0) }, method: method)
    }
}
