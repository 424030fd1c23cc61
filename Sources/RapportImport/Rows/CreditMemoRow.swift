import RapportCore

/// The columns of `credit_memos.csv` and how one row becomes a `CreditMemo`.
enum CreditMemoRow {
    static let required = ["credit_memo_id", "account_id", "issued_on", "amount", "currency"]
    static let columns = required + ["invoice_id", "reason"]

    static func decode(_ row: RowReader) throws(RowError) -> CreditMemo {
        let currency = try row.currency("currency")
        let amount = try row.money("amount", currency: currency)
        guard amount.isPositive else { throw row.error("amount", "a credit memo must be greater than zero") }
        return CreditMemo(
            id: CreditMemo.ID(try row.required("credit_memo_id")),
            accountID: Account.ID(try row.required("account_id")),
            issuedOn: try row.day("issued_on"),
            amount: amount,
            invoiceID: row.optional("invoice_id").map { Invoice.ID($0) },
            reason: row.optional("reason") ?? "")
    }

    static func encode(_ memo: CreditMemo) -> [String] {
        [
            memo.id.rawValue, memo.accountID.rawValue, memo.issuedOn.isoString, memo.amount.decimalString,
            memo.amount.currency.code, memo.invoiceID?.rawValue ?? "", memo.reason,
        ]
    }
}
