import FluentKit
import RapportCore
import SQLKit

/// `ArrangementRepository` on SQLite or PostgreSQL.
public struct FluentArrangementRepository: ArrangementRepository {
    let database: any Database

    public init(_ database: RapportDatabase) { self.database = database.database }

    public func insertArrangement(_ arrangement: PaymentArrangement) async throws {
        try await database.transaction { tx in
            let sql = tx as! any SQLDatabase
            try await sql.insert(into: "payment_arrangements").columns("id", "account_id", "agreed_on")
                .values(SQLBind(arrangement.id.rawValue), SQLBind(arrangement.accountID.rawValue), SQLBind(arrangement.agreedOn.isoString))
                .run()
            let insert = sql.insert(into: "arrangement_installments").columns("arrangement_id", "seq", "due_on", "amount_minor", "currency")
            for (index, installment) in arrangement.installments.enumerated() {
                insert.values(SQLBind(arrangement.id.rawValue), SQLBind(index + 1), SQLBind(installment.dueOn.isoString),
                              SQLBind(installment.amount.minorUnits), SQLBind(installment.amount.currency.code))
            }
            if !arrangement.installments.isEmpty { try await insert.run() }
        }
    }

    public func fetchArrangements(account: Account.ID?) async throws -> [PaymentArrangement] {
        let sql = database as! any SQLDatabase
        var query = sql.select().column("*").from("payment_arrangements")
        if let account { query = query.where("account_id", .equal, account.rawValue) }
        let heads = try await query.orderBy("agreed_on").orderBy("id").all()
        let ids = try heads.map { try $0.decode(column: "id", as: String.self) }
        let rows = try await sql.fetchChunked(ids) { chunk in
            sql.select().column("*").from("arrangement_installments").where("arrangement_id", .in, chunk)
        } decode: { row in
            (try row.decode(column: "arrangement_id", as: String.self), try row.decode(column: "seq", as: Int.self),
             PaymentArrangement.Installment(
                dueOn: try Day(iso: try row.decode(column: "due_on", as: String.self)),
                amount: Money(minorUnits: try row.decode(column: "amount_minor", as: Int64.self),
                              currency: try Currency(try row.decode(column: "currency", as: String.self)))))
        }
        let byArrangement = Dictionary(grouping: rows, by: \.0)
        return try heads.map { row in
            let id = try row.decode(column: "id", as: String.self)
            return PaymentArrangement(
                id: PaymentArrangement.ID(id), accountID: Account.ID(try row.decode(column: "account_id", as: String.self)),
                agreedOn: try Day(iso: try row.decode(column: "agreed_on", as: String.self)),
                installments: (byArrangement[id] ?? []).sorted { $0.1 < $1.1 }.map(\.2))
        }
    }

    public func countArrangements() async throws -> Int {
        try await (database as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM payment_arrangements").first()!.decode(column: "n", as: Int.self)
    }
}
