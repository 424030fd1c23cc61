import FluentKit
import RapportCore
import SQLKit

/// `PromiseRepository` on SQLite or PostgreSQL.
public struct FluentPromiseRepository: PromiseRepository {
    let database: any Database

    public init(_ database: RapportDatabase) { self.database = database.database }

    init(database: any Database) { self.database = database }

    public func insertPromise(_ promise: PromiseToPay) async throws {
        try await (database as! any SQLDatabase).insertBatched([PromiseRecord(promise)], into: "promises_to_pay")
        try await ChangeVersion.bump(database as! any SQLDatabase)
    }

    public func fetchPromises(accounts: [Account.ID]?) async throws -> [PromiseToPay] {
        let sql = database as! any SQLDatabase
        let promises: [PromiseToPay]
        if let accounts {
            promises = try await sql.fetchChunked(accounts.map(\.rawValue)) { chunk in
                sql.select().column("*").from("promises_to_pay").where("account_id", .in, chunk)
            } decode: { try PromiseRecord(row: $0).toDomain() }
        } else {
            promises = try await sql.select().column("*").from("promises_to_pay").rows().map { try PromiseRecord(row: $0).toDomain() }
        }
        return promises.sorted { ($0.madeOn, $0.id) < ($1.madeOn, $1.id) }
    }

    /// The promises of the accounts `accounts` selects (an SQL subquery of ids), oldest first.
    func fetchPromises(inAccounts accounts: SQLQueryString) async throws -> [PromiseToPay] {
        let sql = database as! any SQLDatabase
        return try await sql.rows("SELECT * FROM promises_to_pay WHERE account_id IN \(accounts)")
            .map { try PromiseRecord(row: $0).toDomain() }.sorted { ($0.madeOn, $0.id) < ($1.madeOn, $1.id) }
    }

    public func fetchPayments(accounts: [Account.ID], from: Day) async throws -> [Payment] {
        let sql = database as! any SQLDatabase
        return try await sql.fetchChunked(accounts.map(\.rawValue)) { chunk in
            sql.select().column("*").from("payments").where("account_id", .in, chunk).where("received_on", .greaterThanOrEqual, from.isoString)
        } decode: { try SQLRowDecoding.payment($0) }
    }

    public func countPromises() async throws -> Int {
        try await (database as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM promises_to_pay").rows().first!.int("n")
    }
}
