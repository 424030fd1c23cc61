import FluentKit
import RapportCore
import SQLKit

/// `DepositRepository` on SQLite or PostgreSQL; applying held deposits is `DepositSettler`'s.
public struct FluentDepositRepository: DepositRepository {
    let database: any Database

    public init(_ database: RapportDatabase) { self.database = database.database }

    public func fetchDeposits(_ ids: some Collection<Deposit.ID> & Sendable) async throws -> [Deposit] {
        let sql = database as! any SQLDatabase
        return try await sql.fetchChunked(ids.map(\.rawValue)) { chunk in
            sql.select().column("*").from("deposits").where("id", .in, chunk)
        } decode: { row in try DepositRecord(row: row).toDomain() }
    }

    public func postDeposits(_ deposits: [Deposit], progress: BatchProgress?) async throws -> PostingSummary {
        try await database.transaction { tx in
            let sql = tx as! any SQLDatabase
            var written = 0
            for start in stride(from: 0, to: deposits.count, by: 2000) {
                let slice = deposits[start..<min(start + 2000, deposits.count)]
                try await sql.insertBatched(slice.map(DepositRecord.init), into: "deposits")
                try await sql.insertBatched(slice.map { deposit in
                    OpenItemRecord(
                        kind: "deposit", refId: deposit.id.rawValue, accountId: deposit.accountID.rawValue,
                        currency: deposit.amount.currency.code, day: deposit.receivedOn.isoString, dueOn: nil,
                        originalMinor: deposit.amount.minorUnits, openMinor: deposit.amount.minorUnits)
                }, into: "open_items")
                try await ReceivableDays.addItems(kind: "deposit", ids: slice.map(\.id.rawValue), sql)
                written += slice.count
                try await progress?(written)
            }
            try await ChangeVersion.bump(sql)
            return try await DepositSettler.settle(jobs: Set(deposits.map(\.jobID)), sql: sql)
        }
    }

    public func forEachDepositPage(size: Int, _ body: ([Deposit]) async throws -> Void) async throws {
        try await (database as! any SQLDatabase).forEachPage(
            of: "deposits", size: size, decode: { try DepositRecord(row: $0).toDomain() }, body)
    }
}
