import RapportCore
import SQLKit

/// A row of `credit_memos`, mapped to and from `CreditMemo`.
struct CreditMemoRecord: BulkRow {
    var id: String
    var accountId: String
    var issuedOn: String
    var amountMinor: Int64
    var currency: String
    var invoiceId: String?
    var reason: String

    static let columns = ["id", "account_id", "issued_on", "amount_minor", "currency", "invoice_id", "reason"]

    var sqlValues: [any SQLExpression] {
        [sqlValue(id), sqlValue(accountId), sqlValue(issuedOn), sqlValue(amountMinor), sqlValue(currency),
         sqlValue(invoiceId), sqlValue(reason)]
    }

    init(_ memo: CreditMemo) {
        id = memo.id.rawValue
        accountId = memo.accountID.rawValue
        issuedOn = memo.issuedOn.isoString
        amountMinor = memo.amount.minorUnits
        currency = memo.amount.currency.code
        invoiceId = memo.invoiceID?.rawValue
        reason = memo.reason
    }

    init(row: Cells) throws {
        id = try row.text("id")
        accountId = try row.text("account_id")
        issuedOn = try row.text("issued_on")
        amountMinor = try row.integer("amount_minor")
        currency = try row.text("currency")
        invoiceId = try row.optionalText("invoice_id")
        reason = try row.text("reason")
    }

    func toDomain() throws -> CreditMemo {
        CreditMemo(
            id: CreditMemo.ID(id), accountID: Account.ID(accountId), issuedOn: try Day(iso: issuedOn),
            amount: Money(minorUnits: amountMinor, currency: try Currency(currency)),
            invoiceID: invoiceId.map { Invoice.ID($0) }, reason: reason)
    }
}
