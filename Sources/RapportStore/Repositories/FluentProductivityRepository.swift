import FluentKit
import RapportCore
import SQLKit

/// `ProductivityRepository` on SQLite or PostgreSQL.
public struct FluentProductivityRepository: ProductivityRepository {
    let database: any Database

    public init(_ database: RapportDatabase) { self.database = database.reader }

    public func fetchProductivityData(period: Period, currency: Currency) async throws -> ProductivityData {
        let sql = database as! any SQLDatabase
        let from = period.from.isoString
        let to = period.to.isoString
        let specialists = try await FluentQueueRepository(database: database).fetchSpecialists()
        let touches = try await sql.rows("""
            SELECT * FROM interactions WHERE occurred_on >= \(bind: from) AND occurred_on <= \(bind: to) ORDER BY occurred_on, id
            """).map { try InteractionRecord(row: $0).toDomain() }
        let starts = try await collectionStarts(of: touches)
        let owners = try await sql.rows("SELECT id, specialist FROM accounts WHERE specialist IS NOT NULL")
            .reduce(into: [String: String]()) { result, row in
                result[try row.text("id")] = try row.text("specialist")
            }
        let cases = try await FluentCaseRepository(database: database).fetchCases(department: nil, status: nil, account: nil)
            .compactMap { item in owners[item.accountID.rawValue].map { (specialist: $0, item: item) } }
        let collected = try await sql.rows("""
            SELECT a.specialist AS specialist, CAST(SUM(p.amount_minor) AS BIGINT) AS amount FROM payments p
            JOIN accounts a ON a.id = p.account_id
            WHERE a.specialist IS NOT NULL AND p.currency = \(bind: currency.code)
              AND p.received_on >= \(bind: from) AND p.received_on <= \(bind: to)
            GROUP BY a.specialist
            """).reduce(into: [String: Money]()) { result, row in
            result[try row.text("specialist")] =
                Money(minorUnits: try row.integer("amount"), currency: currency)
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
            collectionStarts: starts, cases: cases, collected: collected, promises: promises, promisePayments: payments)
    }

    public func fetchIssuesFound(period: Period) async throws -> (touches: [Interaction], collectionStarts: [Invoice.ID: Day]) {
        try await database.readSnapshot { database in
            let sql = database as! any SQLDatabase
            let touches = try await sql.rows("""
                SELECT * FROM interactions WHERE outcome = 'issue_found'
                  AND occurred_on >= \(bind: period.from.isoString) AND occurred_on <= \(bind: period.to.isoString)
                """).map { try InteractionRecord(row: $0).toDomain() }
            return (touches, try await Self(database: database).collectionStarts(of: touches))
        }
    }

    init(database: any Database) { self.database = database }

    /// The collection start of every invoice `touches` name.
    private func collectionStarts(of touches: [Interaction]) async throws -> [Invoice.ID: Day] {
        let sql = database as! any SQLDatabase
        let named = Array(Set(touches.compactMap(\.invoiceID?.rawValue)))
        let starts = try await sql.fetchChunked(named) { chunk in
            sql.select().column("id").column("collection_start").from("invoices").where("id", .in, chunk)
        } decode: { row in
            (Invoice.ID(try row.text("id")), try Day(iso: try row.text("collection_start")))
        }
        return Dictionary(starts, uniquingKeysWith: { first, _ in first })
    }
}
