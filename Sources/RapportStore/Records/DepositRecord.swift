import RapportCore
import SQLKit

/// A row of `deposits`, mapped to and from `Deposit`.
struct DepositRecord: BulkRow {
    var id: String
    var accountId: String
    var jobId: String
    var receivedOn: String
    var amountMinor: Int64
    var currency: String

    static let columns = ["id", "account_id", "job_id", "received_on", "amount_minor", "currency"]

    var sqlValues: [any SQLExpression] {
        [sqlValue(id), sqlValue(accountId), sqlValue(jobId), sqlValue(receivedOn), sqlValue(amountMinor), sqlValue(currency)]
    }

    init(_ deposit: Deposit) {
        id = deposit.id.rawValue
        accountId = deposit.accountID.rawValue
        jobId = deposit.jobID.rawValue
        receivedOn = deposit.receivedOn.isoString
        amountMinor = deposit.amount.minorUnits
        currency = deposit.amount.currency.code
    }

    init(row: Cells) throws {
        id = try row.text("id")
        accountId = try row.text("account_id")
        jobId = try row.text("job_id")
        receivedOn = try row.text("received_on")
        amountMinor = try row.integer("amount_minor")
        currency = try row.text("currency")
    }

    func toDomain() throws -> Deposit {
        Deposit(
            id: Deposit.ID(id), accountID: Account.ID(accountId), jobID: Job.ID(jobId), receivedOn: try Day(iso: receivedOn),
            amount: Money(minorUnits: amountMinor, currency: try Currency(currency)))
    }
}
