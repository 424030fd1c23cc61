import FluentKit
import RapportCore
import SQLKit

/// `QueueRepository` on SQLite or PostgreSQL: one query per kind of record, each bounded by the
/// specialist's accounts (`account_id IN (SELECT id FROM accounts WHERE specialist = ?)`) and read
/// through the narrow partial indexes of `AddQueueReadIndexes`.
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
        let invoices = try await openInvoices(of: specialist, ids, on: day, sql)
        var jobs = try await sql.raw("SELECT * FROM jobs WHERE account_id IN (SELECT id FROM accounts WHERE specialist = \(bind: specialist))").all().map { try JobRecord(row: $0).toDomain() }
        let items = try await sql.raw("""
            SELECT f.* FROM follow_up_items f JOIN jobs j ON j.id = f.job_id WHERE j.account_id IN (SELECT id FROM accounts WHERE specialist = \(bind: specialist))
            """).all().map { try FollowUpRecord(row: $0).toDomain() }
        let itemsByJob = Dictionary(grouping: items, by: \.jobID)
        for index in jobs.indices { jobs[index].followUps = (itemsByJob[jobs[index].id] ?? []).sorted { $0.id < $1.id } }
        let riskModels = FluentRiskModelRepository(database: database)
        let model = try await riskModels.fetchLatestModel()
        // Without a model the queue reads only cases that matter on the day: opened by then and
        // either unresolved then or holding an invoice open then (its resolution day may resume a
        // contact). The model's features count every past case. CROSS JOIN keeps SQLite going from
        // the case's links to their open items (by key), not the other way round.
        let relevant: SQLQueryString = model != nil ? "c.opened_on <= \(bind: iso)" : """
            c.opened_on <= \(bind: iso) AND (c.resolved_on IS NULL OR c.resolved_on > \(bind: iso) OR EXISTS (
              SELECT 1 FROM case_invoices ci CROSS JOIN open_items o
              WHERE ci.case_id = c.id AND o.kind = 'invoice' AND o.ref_id = ci.invoice_id AND (o.open_minor <> 0 OR o.paid_on > \(bind: iso))))
            """
        let cases = try await FluentCaseRepository(database: database).fetchCases(
            inAccounts: "(SELECT id FROM accounts WHERE specialist = \(bind: specialist))", where: relevant)
        // Paid history from the cash-paid partial indexes: counts per account and for the whole ledger.
        var paid: [LatePaymentBaseline.PaidInvoice] = []
        for row in try await sql.raw("""
            SELECT account_id, COUNT(*) AS n, CAST(COALESCE(SUM(paid_late), 0) AS BIGINT) AS late FROM open_items
            WHERE kind = 'invoice' AND account_id IN (SELECT id FROM accounts WHERE specialist = \(bind: specialist)) AND settled_by = 'cash' AND paid_on <= \(bind: iso)
            GROUP BY account_id
            """).all() {
            let account = Account.ID(try row.decode(column: "account_id", as: String.self))
            let count = try row.decode(column: "n", as: Int.self)
            let late = try row.decode(column: "late", as: Int.self)
            for index in 0..<count { paid.append(LatePaymentBaseline.PaidInvoice(accountID: account, late: index < late)) }
        }
        let share = try await sql.raw("""
            SELECT COUNT(*) AS n, CAST(COALESCE(SUM(paid_late), 0) AS BIGINT) AS late FROM open_items
            WHERE kind = 'invoice' AND settled_by = 'cash' AND paid_on <= \(bind: iso)
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
            day: day, accounts: accounts, invoices: invoices, jobs: jobs, cases: cases, interactions: [],
            promises: promises, payments: payments,
            creditReviews: try await creditReviews(ids, sql), deposits: try await deposits(ids, sql), arrangements: arrangements,
            arrangementAllocations: arrangementAllocations)
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

    /// The specialist's invoices open at the end of `day`: open now, or paid in full only after it,
    /// with what was open that day (now + what was allocated after it).
    private func openInvoices(of specialist: String, _ ids: [String], on day: Day, _ sql: any SQLDatabase) async throws -> [QueueInvoice] {
        let iso = day.isoString
        let accounts = Set(ids)
        struct Item { var id, account, issue, due, currency: String; var total, open: Int64 }
        var items: [String: Item] = [:]
        func decode(_ row: any SQLRow) throws -> Item {
            Item(
                id: try row.decode(column: "ref_id", as: String.self), account: try row.decode(column: "account_id", as: String.self),
                issue: try row.decode(column: "day", as: String.self), due: try row.decode(column: "due_on", as: String.self),
                currency: try row.decode(column: "currency", as: String.self),
                total: try row.decode(column: "original_minor", as: Int64.self), open: try row.decode(column: "open_minor", as: Int64.self))
        }
        for row in try await sql.raw("""
            SELECT ref_id, account_id, day, due_on, currency, original_minor, open_minor FROM open_items
            WHERE kind = 'invoice' AND open_minor <> 0 AND account_id IN (SELECT id FROM accounts WHERE specialist = \(bind: specialist)) AND day <= \(bind: iso)
            """).all() {
            let item = try decode(row)
            if item.open > 0 { items[item.id] = item }
        }
        // Paid in full after the day (none when the day is today): read by paid day, kept for these accounts.
        for row in try await sql.raw("""
            SELECT ref_id, account_id, day, due_on, currency, original_minor, open_minor FROM open_items
            WHERE kind = 'invoice' AND settled_by IN ('cash', 'credit') AND paid_on > \(bind: iso) AND day <= \(bind: iso)
            """).all() {
            let item = try decode(row)
            if accounts.contains(item.account) { items[item.id] = item }
        }
        let invoiceIDs = items.keys.sorted()
        var later: [String: Int64] = [:]
        var details: [String: (collectionStart: String, job: String?)] = [:]
        for start in stride(from: 0, to: invoiceIDs.count, by: 2000) {
            let list = Array(invoiceIDs[start..<min(start + 2000, invoiceIDs.count)])
            for row in try await sql.raw("""
                SELECT invoice_id, CAST(SUM(amount_minor) AS BIGINT) AS amount FROM allocations
                WHERE invoice_id IN (\(binds: list)) AND allocated_on > \(bind: iso) GROUP BY invoice_id
                """).all() {
                later[try row.decode(column: "invoice_id", as: String.self)] = try row.decode(column: "amount", as: Int64.self)
            }
            for row in try await sql.raw("SELECT id, collection_start, job_id FROM invoices WHERE id IN (\(binds: list))").all() {
                details[try row.decode(column: "id", as: String.self)] = (
                    try row.decode(column: "collection_start", as: String.self), try row.decode(column: "job_id", as: String?.self))
            }
        }
        // The first invoice of each account (the new-client courtesy call), one index seek per account.
        var first: [String: String] = [:]
        for row in try await sql.raw("""
            SELECT account_id, MIN(issue_date) AS first FROM invoices WHERE account_id IN (SELECT id FROM accounts WHERE specialist = \(bind: specialist)) GROUP BY account_id
            """).all() {
            first[try row.decode(column: "account_id", as: String.self)] = try row.decode(column: "first", as: String.self)
        }
        var days: [String: Day] = [:]
        func parse(_ text: String) throws -> Day {
            if let known = days[text] { return known }
            let value = try Day(iso: text)
            days[text] = value
            return value
        }
        return try invoiceIDs.map { id in
            let item = items[id]!
            let currency = try Currency(item.currency)
            guard let detail = details[id] else { throw CorruptRecord(table: "open_items", id: id, reason: "no invoice") }
            return QueueInvoice(
                id: Invoice.ID(id), accountID: Account.ID(item.account), issueDate: try parse(item.issue), dueDate: try parse(item.due),
                collectionStart: try parse(detail.collectionStart), total: Money(minorUnits: item.total, currency: currency),
                open: Money(minorUnits: item.open + (later[id] ?? 0), currency: currency), jobID: detail.job.map { Job.ID($0) },
                isFirstOfAccount: first[item.account] == item.issue)
        }
    }

    public func fetchTouches(accounts: [Account.ID], from: Day?, through: Day) async throws -> [Interaction] {
        let sql = database as! any SQLDatabase
        let start = (from ?? .earliest).isoString
        return try await touches(accounts.map(\.rawValue), sql) { list in """
            SELECT id, account_id, invoice_id, occurred_on, channel, purpose, outcome, by_user FROM interactions
            WHERE account_id IN (\(binds: list)) AND occurred_on >= \(bind: start) AND occurred_on <= \(bind: through.isoString)
            """ }
    }

    public func fetchLatestTouches(accounts: [Account.ID], purposes: [Interaction.Purpose], through: Day) async throws -> [Interaction] {
        let sql = database as! any SQLDatabase
        var found: [Interaction] = []
        for purpose in purposes {
            // The newest reaching touch per account; ties on the day keep the highest id.
            let rows = try await touches(accounts.map(\.rawValue), sql) { list in """
                SELECT id, account_id, invoice_id, occurred_on, channel, purpose, outcome, by_user FROM interactions t
                WHERE account_id IN (\(binds: list)) AND purpose = \(bind: purpose.rawValue) AND occurred_on <= \(bind: through.isoString)
                  AND outcome NOT IN ('no_answer', 'left_message')
                  AND occurred_on = (SELECT MAX(u.occurred_on) FROM interactions u WHERE u.account_id = t.account_id
                    AND u.purpose = t.purpose AND u.occurred_on <= \(bind: through.isoString) AND u.outcome NOT IN ('no_answer', 'left_message'))
                """ }
            found += rows
        }
        return found
    }

    /// Touches without their notes (the queue does not read them), a query per 2,000 accounts, oldest first.
    private func touches(_ ids: [String], _ sql: any SQLDatabase, _ query: ([String]) -> SQLQueryString) async throws -> [Interaction] {
        var days: [String: Day] = [:]
        return try await chunked(ids, sql, query) { row in
            let on = try row.decode(column: "occurred_on", as: String.self)
            let occurred: Day
            if let known = days[on] { occurred = known } else { occurred = try Day(iso: on); days[on] = occurred }
            let id = try row.decode(column: "id", as: String.self)
            guard let channel = Interaction.Channel(rawValue: try row.decode(column: "channel", as: String.self)),
                  let purpose = Interaction.Purpose(rawValue: try row.decode(column: "purpose", as: String.self)),
                  let outcome = Interaction.Outcome(rawValue: try row.decode(column: "outcome", as: String.self)) else {
                throw CorruptRecord(table: "interactions", id: id, reason: "channel, purpose or outcome")
            }
            return Interaction(
                id: Interaction.ID(id), accountID: Account.ID(try row.decode(column: "account_id", as: String.self)),
                invoiceID: try row.decode(column: "invoice_id", as: String?.self).map { Invoice.ID($0) }, occurredOn: occurred,
                channel: channel, purpose: purpose, outcome: outcome, by: try row.decode(column: "by_user", as: String.self))
        }.sorted { ($0.occurredOn, $0.id) < ($1.occurredOn, $1.id) }
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

    /// Runs a raw query per 2,000 ids and decodes every row.
    private func chunked<Row>(
        _ ids: [String], _ sql: any SQLDatabase, _ query: ([String]) -> SQLQueryString, decode: (any SQLRow) throws -> Row
    ) async throws -> [Row] {
        var rows: [Row] = []
        for start in stride(from: 0, to: ids.count, by: 2000) {
            let list = Array(ids[start..<min(start + 2000, ids.count)])
            for row in try await sql.raw(query(list)).all() { rows.append(try decode(row)) }
        }
        return rows
    }
}
