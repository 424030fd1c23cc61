import FluentKit
import RapportCore
import SQLKit

/// `QueueRepository` on SQLite or PostgreSQL: a handful of queries per specialist, each bounded by
/// the specialist's accounts (500 ids per statement).
public struct FluentQueueRepository: QueueRepository {
    let database: any Database

    public init(_ database: RapportDatabase) { self.database = database.database }

    init(database: any Database) { self.database = database }

    public func fetchSpecialists() async throws -> [String] {
        let sql = database as! any SQLDatabase
        return try await sql.raw("SELECT DISTINCT specialist FROM accounts WHERE specialist IS NOT NULL ORDER BY specialist")
            .all().map { try $0.decode(column: "specialist", as: String.self) }
    }

    public func fetchQueueData(specialist: String, day: Day) async throws -> QueueData? {
        let sql = database as! any SQLDatabase
        let accounts = try await sql.select().column("*").from("accounts").where("specialist", .equal, specialist)
            .orderBy("id").all().map { try AccountRecord(row: $0).toDomain() }
        guard !accounts.isEmpty else { return nil }
        let ids = accounts.map(\.id.rawValue)
        let iso = day.isoString
        // Invoices open at the end of the day: open now, or paid in full only after it.
        let invoices = try await chunked(ids, sql) { list in """
            SELECT i.id, i.account_id, i.issue_date, i.due_date, i.collection_start, i.total_minor, i.currency, i.job_id,
              CAST(o.open_minor + COALESCE((SELECT SUM(a.amount_minor) FROM allocations a
                                            WHERE a.invoice_id = i.id AND a.allocated_on > \(bind: iso)), 0) AS BIGINT) AS open_then,
              CASE WHEN i.issue_date = (SELECT MIN(f.issue_date) FROM invoices f WHERE f.account_id = i.account_id)
                   THEN 1 ELSE 0 END AS is_first
            FROM invoices i JOIN open_items o ON o.kind = 'invoice' AND o.ref_id = i.id
            WHERE i.account_id IN (\(binds: list)) AND i.issue_date <= \(bind: iso)
              AND (o.open_minor > 0 OR o.paid_on > \(bind: iso))
            """ } decode: { row in
            let currency = try Currency(try row.decode(column: "currency", as: String.self))
            return QueueInvoice(
                id: Invoice.ID(try row.decode(column: "id", as: String.self)),
                accountID: Account.ID(try row.decode(column: "account_id", as: String.self)),
                issueDate: try Day(iso: try row.decode(column: "issue_date", as: String.self)),
                dueDate: try Day(iso: try row.decode(column: "due_date", as: String.self)),
                collectionStart: try Day(iso: try row.decode(column: "collection_start", as: String.self)),
                total: Money(minorUnits: try row.decode(column: "total_minor", as: Int64.self), currency: currency),
                open: Money(minorUnits: try row.decode(column: "open_then", as: Int64.self), currency: currency),
                jobID: try row.decode(column: "job_id", as: String?.self).map { Job.ID($0) },
                isFirstOfAccount: try row.decode(column: "is_first", as: Int.self) == 1)
        }
        var jobs = try await chunked(ids, sql) { list in
            "SELECT * FROM jobs WHERE account_id IN (\(binds: list))"
        } decode: { try JobRecord(row: $0).toDomain() }
        let items = try await chunked(jobs.map(\.id.rawValue), sql) { list in
            "SELECT * FROM follow_up_items WHERE job_id IN (\(binds: list))"
        } decode: { try FollowUpRecord(row: $0).toDomain() }
        let itemsByJob = Dictionary(grouping: items, by: \.jobID)
        for index in jobs.indices { jobs[index].followUps = (itemsByJob[jobs[index].id] ?? []).sorted { $0.id < $1.id } }
        let cases = try await FluentCaseRepository(database: database).fetchCases(accounts: accounts.map(\.id))
        let interactions = try await FluentInteractionRepository(database: database).fetchInteractions(accounts: accounts.map(\.id))
        let paid = try await chunked(ids, sql) { list in """
            SELECT o.account_id, CASE WHEN o.paid_on > i.collection_start THEN 1 ELSE 0 END AS late
            FROM open_items o JOIN invoices i ON i.id = o.ref_id
            WHERE o.kind = 'invoice' AND o.account_id IN (\(binds: list)) AND o.paid_on IS NOT NULL AND o.paid_on <= \(bind: iso)
              AND o.settled_by = 'cash'
            """ } decode: { row in
            LatePaymentBaseline.PaidInvoice(
                accountID: Account.ID(try row.decode(column: "account_id", as: String.self)),
                late: try row.decode(column: "late", as: Int.self) == 1)
        }
        let share = try await sql.raw("""
            SELECT COUNT(*) AS n, COALESCE(SUM(CASE WHEN o.paid_on > i.collection_start THEN 1 ELSE 0 END), 0) AS late
            FROM open_items o JOIN invoices i ON i.id = o.ref_id
            WHERE o.kind = 'invoice' AND o.paid_on IS NOT NULL AND o.paid_on <= \(bind: iso) AND o.settled_by = 'cash'
            """).first()!
        let paidCount = try share.decode(column: "n", as: Int.self)
        let lateCount = try share.decode(column: "late", as: Int.self)
        let promiseStore = FluentPromiseRepository(database: database)
        let promises = try await promiseStore.fetchPromises(accounts: accounts.map(\.id)).filter { $0.madeOn <= day }
        let arrangementStore = FluentArrangementRepository(database: database)
        let arrangements = try await arrangementStore.fetchArrangements(accounts: accounts.map(\.id)).filter { $0.agreedOn <= day }
        let arrangementAllocations = try await arrangementStore.fetchArrangementAllocations(arrangements).filter { $0.allocatedOn <= day }
        // Payments matter only from the earliest promise or arrangement on (kept, broken, behind).
        let starts = promises.map { ($0.accountID, $0.madeOn) } + arrangements.map { ($0.accountID, $0.agreedOn) }
        var payments: [Payment] = []
        if let earliest = starts.map(\.1).min() {
            payments = try await promiseStore.fetchPayments(accounts: Array(Set(starts.map(\.0))), from: earliest)
        }
        let input = QueueInput(
            day: day, accounts: accounts, invoices: invoices, jobs: jobs, cases: cases, interactions: interactions,
            promises: promises, payments: payments,
            creditReviews: try await creditReviews(ids, sql), deposits: try await deposits(ids, sql), arrangements: arrangements,
            arrangementAllocations: arrangementAllocations)
        let riskModels = FluentRiskModelRepository(database: database)
        let model = try await riskModels.fetchLatestModel()
        var history: [RiskTraining.InvoiceFacts] = []
        if model != nil {
            history = try await chunked(ids, sql) { list in """
                SELECT i.id, i.account_id, i.issue_date, i.due_date, i.collection_start, i.total_minor, i.currency, i.job_id,
                  CASE WHEN o.paid_on <= \(bind: iso) THEN o.paid_on ELSE NULL END AS paid_on, o.settled_by
                FROM invoices i JOIN open_items o ON o.kind = 'invoice' AND o.ref_id = i.id
                WHERE i.account_id IN (\(binds: list)) AND i.issue_date <= \(bind: iso)
                """ } decode: { try SQLRowDecoding.invoiceFacts($0) }
        }
        return QueueData(
            input: input, paidHistory: paid, ledgerLateShare: paidCount == 0 ? nil : Double(lateCount) / Double(paidCount),
            history: history, model: model)
    }

    private func creditReviews(_ ids: [String], _ sql: any SQLDatabase) async throws -> [CreditReview] {
        try await chunked(ids, sql) { list in
            "SELECT id, account_id, reviewed_on, decision FROM credit_reviews WHERE account_id IN (\(binds: list))"
        } decode: { row in
            CreditReview(
                id: CreditReview.ID(try row.decode(column: "id", as: String.self)),
                accountID: Account.ID(try row.decode(column: "account_id", as: String.self)),
                reviewedOn: try Day(iso: try row.decode(column: "reviewed_on", as: String.self)), references: [],
                industryCreditGroupNote: "",
                decision: try SQLRowDecoding.decision(row, table: "credit_reviews"))
        }
    }

    private func deposits(_ ids: [String], _ sql: any SQLDatabase) async throws -> [Deposit] {
        try await chunked(ids, sql) { list in
            "SELECT * FROM deposits WHERE account_id IN (\(binds: list))"
        } decode: { row in
            Deposit(
                id: Deposit.ID(try row.decode(column: "id", as: String.self)),
                accountID: Account.ID(try row.decode(column: "account_id", as: String.self)),
                jobID: Job.ID(try row.decode(column: "job_id", as: String.self)),
                receivedOn: try Day(iso: try row.decode(column: "received_on", as: String.self)),
                amount: Money(minorUnits: try row.decode(column: "amount_minor", as: Int64.self),
                              currency: try Currency(try row.decode(column: "currency", as: String.self))))
        }
    }

    /// Runs a raw query per 500 ids and decodes every row.
    private func chunked<Row>(
        _ ids: [String], _ sql: any SQLDatabase, _ query: ([String]) -> SQLQueryString, decode: (any SQLRow) throws -> Row
    ) async throws -> [Row] {
        var rows: [Row] = []
        for start in stride(from: 0, to: ids.count, by: 500) {
            let list = Array(ids[start..<min(start + 500, ids.count)])
            for row in try await sql.raw(query(list)).all() { rows.append(try decode(row)) }
        }
        return rows
    }
}
