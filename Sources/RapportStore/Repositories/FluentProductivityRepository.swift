import FluentKit
import RapportCore
import SQLKit

/// `ProductivityRepository` on SQLite or PostgreSQL.
public struct FluentProductivityRepository: ProductivityRepository {
    let database: any Database

    public init(_ database: RapportDatabase) { self.database = database.database }

    public func fetchProductivityData(period: Period, currency: Currency) async throws -> ProductivityData {
        let sql = database as! any SQLDatabase
        let from = period.from.isoString
        let to = period.to.isoString
        let specialists = try await FluentQueueRepository(database: database).fetchSpecialists()
        let touches = try await sql.raw("""
            SELECT * FROM interactions WHERE occurred_on >= \(bind: from) AND occurred_on <= \(bind: to) ORDER BY occurred_on, id
            """).all().map { try InteractionRecord(row: $0).toDomain() }
        let named = Array(Set(touches.compactMap(\.invoiceID?.rawValue)))
        let starts = try await sql.fetchChunked(named) { chunk in
            sql.select().column("id").column("collection_start").from("invoices").where("id", .in, chunk)
        } decode: { row in
            (Invoice.ID(try row.decode(column: "id", as: String.self)), try Day(iso: try row.decode(column: "collection_start", as: String.self)))
        }
        let owners = try await sql.raw("SELECT id, specialist FROM accounts WHERE specialist IS NOT NULL").all()
            .reduce(into: [String: String]()) { result, row in
                result[try row.decode(column: "id", as: String.self)] = try row.decode(column: "specialist", as: String.self)
            }
        let cases = try await FluentCaseRepository(database: database).fetchCases(department: nil, status: nil, account: nil)
            .compactMap { item in owners[item.accountID.rawValue].map { (specialist: $0, item: item) } }
        let collected = try await sql.raw("""
            SELECT a.specialist AS specialist, CAST(SUM(p.amount_minor) AS BIGINT) AS amount FROM payments p
            JOIN accounts a ON a.id = p.account_id
            WHERE a.specialist IS NOT NULL AND p.currency = \(bind: currency.code)
              AND p.received_on >= \(bind: from) AND p.received_on <= \(bind: to)
            GROUP BY a.specialist
            """).all().reduce(into: [String: Money]()) { result, row in
            result[try row.decode(column: "specialist", as: String.self)] =
                Money(minorUnits: try row.decode(column: "amount", as: Int64.self), currency: currency)
        }
        let promiseStore = FluentPromiseRepository(database: database)
        let promises = try await promiseStore.fetchPromises(accounts: nil)
            .compactMap { promise in owners[promise.accountID.rawValue].map { (specialist: $0, promise: promise) } }
        var payments: [Payment] = []
        if let earliest = promises.map(\.promise.madeOn).min() {
            payments = try await promiseStore.fetchPayments(accounts: Array(Set(promises.map(\.promise.accountID))), from: earliest)
        }
        return ProductivityData(
            specialists: specialists, touches: touches,
            collectionStarts: Dictionary(starts, uniquingKeysWith: { first, _ in first }), cases: cases, collected: collected,
            promises: promises, promisePayments: payments)
    }
}
