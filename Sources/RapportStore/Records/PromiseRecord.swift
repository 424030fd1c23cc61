import RapportCore
import SQLKit

/// A row of `promises_to_pay`, mapped to and from `PromiseToPay`.
struct PromiseRecord: BulkRow {
    var id: String
    var accountId: String
    var invoiceId: String?
    var amountMinor: Int64
    var currency: String
    var madeOn: String
    var promisedFor: String

    static let columns = ["id", "account_id", "invoice_id", "amount_minor", "currency", "made_on", "promised_for"]

    var sqlValues: [any SQLExpression] {
        [sqlValue(id), sqlValue(accountId), sqlValue(invoiceId), sqlValue(amountMinor), sqlValue(currency),
         sqlValue(madeOn), sqlValue(promisedFor)]
    }

    init(_ promise: PromiseToPay) {
        id = promise.id.rawValue
        accountId = promise.accountID.rawValue
        invoiceId = promise.invoiceID?.rawValue
        amountMinor = promise.amount.minorUnits
        currency = promise.amount.currency.code
        madeOn = promise.madeOn.isoString
        promisedFor = promise.promisedFor.isoString
    }

    init(row: Cells) throws {
        id = try row.text("id")
        accountId = try row.text("account_id")
        invoiceId = try row.optionalText("invoice_id")
        amountMinor = try row.integer("amount_minor")
        currency = try row.text("currency")
        madeOn = try row.text("made_on")
        promisedFor = try row.text("promised_for")
    }

    func toDomain() throws -> PromiseToPay {
        PromiseToPay(
            id: PromiseToPay.ID(id), accountID: Account.ID(accountId), invoiceID: invoiceId.map { Invoice.ID($0) },
            amount: Money(minorUnits: amountMinor, currency: try Currency(currency)), madeOn: try Day(iso: madeOn),
            promisedFor: try Day(iso: promisedFor))
    }
}
