import RapportCore

/// The columns of `payments.csv` and how one row becomes a `Payment`.
enum PaymentRow {
    static let required = ["payment_id", "account_id", "received_on", "amount", "currency"]
    static let columns = required + ["invoice_id", "method"]

    static func decode(_ row: RowReader) throws(RowError) -> Payment {
        let currency = try row.currency("currency")
        let amount = try row.money("amount", currency: currency)
        guard amount.isPositive else { throw row.error("amount", "a payment must be greater than zero") }
        return Payment(
            id: Payment.ID(try row.required("payment_id")),
            accountID: Account.ID(try row.required("account_id")),
            receivedOn: try row.day("received_on"),
            amount: amount,
            invoiceID: row.optional("invoice_id").map { Invoice.ID($0) },
            method: row.optional("method")
        )
    }

    static func encode(_ payment: Payment) -> [String] {
        [
            payment.id.rawValue, payment.accountID.rawValue, payment.receivedOn.isoString,
            payment.amount.decimalString, payment.amount.currency.code, payment.invoiceID?.rawValue ?? "",
            payment.method ?? "",
        ]
    }
}
