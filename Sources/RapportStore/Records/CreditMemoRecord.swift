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

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: String.self)
        accountId = try row.decode(column: "account_id", as: String.self)
        issuedOn = try row.decode(column: "issued_on", as: String.self)
        amountMinor = try row.decode(column: "amount_minor", as: Int64.self)
        currency = try row.decode(column: "currency", as: String.self)
        invoiceId = try row.decode(column: "invoice_id", as: String?.self)
        reason = try row.decode(column: "reason", as: String.self)
    }

    func toDomain() throws -> CreditMemo {
        CreditMemo(
            id: CreditMemo.ID(id), accountID: Account.ID(accountId), issuedOn: try Day(iso: issuedOn),
            amount: Money(minorUnits: amountMinor, currency: try Currency(currency)),
            invoiceID: invoiceId.map { Invoice.ID($0) }, reason: reason)
    }
}
