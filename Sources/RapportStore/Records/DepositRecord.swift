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

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: String.self)
        accountId = try row.decode(column: "account_id", as: String.self)
        jobId = try row.decode(column: "job_id", as: String.self)
        receivedOn = try row.decode(column: "received_on", as: String.self)
        amountMinor = try row.decode(column: "amount_minor", as: Int64.self)
        currency = try row.decode(column: "currency", as: String.self)
    }

    func toDomain() throws -> Deposit {
        Deposit(
            id: Deposit.ID(id), accountID: Account.ID(accountId), jobID: Job.ID(jobId), receivedOn: try Day(iso: receivedOn),
            amount: Money(minorUnits: amountMinor, currency: try Currency(currency)))
    }
}
