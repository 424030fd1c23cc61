import RapportCore

/// The columns of `deposits.csv` and how one row becomes a `Deposit`.
enum DepositRow {
    static let required = ["deposit_id", "account_id", "job_id", "received_on", "amount", "currency"]
    static let columns = required

    static func decode(_ row: RowReader) throws(RowError) -> Deposit {
        let currency = try row.currency("currency")
        let amount = try row.money("amount", currency: currency)
        guard amount.isPositive else { throw row.error("amount", "a deposit must be greater than zero") }
        return Deposit(
            id: Deposit.ID(try row.required("deposit_id")),
            accountID: Account.ID(try row.required("account_id")),
            jobID: Job.ID(try row.required("job_id")),
            receivedOn: try row.day("received_on"),
            amount: amount)
    }

    static func encode(_ deposit: Deposit) -> [String] {
        [
            deposit.id.rawValue, deposit.accountID.rawValue, deposit.jobID.rawValue, deposit.receivedOn.isoString,
            deposit.amount.decimalString, deposit.amount.currency.code,
        ]
    }
}
