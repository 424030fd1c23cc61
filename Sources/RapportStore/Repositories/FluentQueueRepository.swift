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
        return try await sql.rows("SELECT DISTINCT specialist FROM accounts WHERE specialist IS NOT NULL ORDER BY specialist")
            .map { try $0.text("specialist") }
    }

    public func fetchQueueData(specialist: String, day: Day) async throws -> QueueData? {
        let sql = database as! any SQLDatabase
        let accounts = try await sql.select().column("*").from("accounts").where("specialist", .equal, specialist)
            .orderBy("id").rows().map { try AccountRecord(row: $0).toDomain() }
        guard !accounts.isEmpty else { return nil }
        let ids = accounts.map(\.id.rawValue)
        let iso = day.isoString
        let invoices = try await openInvoices(of: specialist, ids, on: day, sql)
        var jobs = try await sql.rows("SELECT * FROM jobs WHERE account_id IN (SELECT id FROM accounts WHERE specialist = \(bind: specialist))").map { try JobRecord(row: $0).toDomain() }
        let items = try await sql.rows("""
            SELECT f.* FROM follow_up_items f JOIN jobs j ON j.id = f.job_id WHERE j.account_id IN (SELECT id FROM accounts WHERE specialist = \(bind: specialist))
            """).map { try FollowUpRecord(row: $0).toDomain() }
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
        for row in try await sql.rows("""
            SELECT account_id, COUNT(*) AS n, CAST(COALESCE(SUM(paid_late), 0) AS BIGINT) AS late FROM open_items
            WHERE kind = 'invoice' AND account_id IN (SELECT id FROM accounts WHERE specialist = \(bind: specialist)) AND settled_by = 'cash' AND paid_on <= \(bind: iso)
            GROUP BY account_id
            """) {
            let account = Account.ID(try row.text("account_id"))
            let count = try row.int("n")
            let late = try row.int("late")
            for index in 0..<count { paid.append(LatePaymentBaseline.PaidInvoice(accountID: account, late: index < late)) }
        }
        let share = try await sql.rows("""
            SELECT COUNT(*) AS n, CAST(COALESCE(SUM(paid_late), 0) AS BIGINT) AS late FROM open_items
            WHERE kind = 'invoice' AND settled_by = 'cash' AND paid_on <= \(bind: iso)
            """).first!
        let paidCount = try share.int("n")
        let lateCount = try share.int("late")
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
        func decode(_ row: Cells) throws -> Item {
            Item(
                id: try row.text("ref_id"), account: try row.text("account_id"),
                issue: try row.text("day"), due: try row.text("due_on"),
                currency: try row.text("currency"),
                total: try row.integer("original_minor"), open: try row.integer("open_minor"))
        }
        for row in try await sql.rows("""
            SELECT ref_id, account_id, day, due_on, currency, original_minor, open_minor FROM open_items
            WHERE kind = 'invoice' AND open_minor <> 0 AND account_id IN (SELECT id FROM accounts WHERE specialist = \(bind: specialist)) AND day <= \(bind: iso)
            """) {
            let item = try decode(row)
            if item.open > 0 { items[item.id] = item }
        }
        // Paid in full after the day (none when the day is today): read by paid day, kept for these accounts.
        for row in try await sql.rows("""
            SELECT ref_id, account_id, day, due_on, currency, original_minor, open_minor FROM open_items
            WHERE kind = 'invoice' AND settled_by IN ('cash', 'credit') AND paid_on > \(bind: iso) AND day <= \(bind: iso)
            """) {
            let item = try decode(row)
            if accounts.contains(item.account) { items[item.id] = item }
        }
        let invoiceIDs = items.keys.sorted()
        var later: [String: Int64] = [:]
        var details: [String: (collectionStart: String, job: String?)] = [:]
        for start in stride(from: 0, to: invoiceIDs.count, by: 2000) {
            let list = Array(invoiceIDs[start..<min(start + 2000, invoiceIDs.count)])
            for row in try await sql.rows("""
                SELECT invoice_id, CAST(SUM(amount_minor) AS BIGINT) AS amount FROM allocations
                WHERE invoice_id IN (\(binds: list)) AND allocated_on > \(bind: iso) GROUP BY invoice_id
                """) {
                later[try row.text("invoice_id")] = try row.integer("amount")
            }
            for row in try await sql.rows("SELECT id, collection_start, job_id FROM invoices WHERE id IN (\(binds: list))") {
                details[try row.text("id")] = (
                    try row.text("collection_start"), try row.optionalText("job_id"))
            }
        }
        // The first invoice of each account (the new-client courtesy call), one index seek per account.
        var first: [String: String] = [:]
        for row in try await sql.rows("""
            SELECT account_id, MIN(issue_date) AS first FROM invoices WHERE account_id IN (SELECT id FROM accounts WHERE specialist = \(bind: specialist)) GROUP BY account_id
            """) {
            first[try row.text("account_id")] = try row.text("first")
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
            let on = try row.text("occurred_on")
            let occurred: Day
            if let known = days[on] { occurred = known } else { occurred = try Day(iso: on); days[on] = occurred }
            let id = try row.text("id")
            guard let channel = Interaction.Channel(rawValue: try row.text("channel")),
                  let purpose = Interaction.Purpose(rawValue: try row.text("purpose")),
                  let outcome = Interaction.Outcome(rawValue: try row.text("outcome")) else {
                throw CorruptRecord(table: "interactions", id: id, reason: "channel, purpose or outcome")
            }
            return Interaction(
                id: Interaction.ID(id), accountID: Account.ID(try row.text("account_id")),
                invoiceID: try row.optionalText("invoice_id").map { Invoice.ID($0) }, occurredOn: occurred,
                channel: channel, purpose: purpose, outcome: outcome, by: try row.text("by_user"))
        }.sorted { ($0.occurredOn, $0.id) < ($1.occurredOn, $1.id) }
    }

    private func creditReviews(_ ids: [String], _ sql: any SQLDatabase) async throws -> [CreditReview] {
        try await chunked(ids, sql) { list in
            "SELECT id, account_id, reviewed_on, decision FROM credit_reviews WHERE account_id IN (\(binds: list))"
        } decode: { row in
            CreditReview(
                id: CreditReview.ID(try row.text("id")),
                accountID: Account.ID(try row.text("account_id")),
                reviewedOn: try Day(iso: try row.text("reviewed_on")), references: [],
                industryCreditGroupNote: "",
                decision: try SQLRowDecoding.decision(row, table: "credit_reviews"))
        }
    }

    private func deposits(_ ids: [String], _ sql: any SQLDatabase) async throws -> [Deposit] {
        try await chunked(ids, sql) { list in
            "SELECT * FROM deposits WHERE account_id IN (\(binds: list))"
        } decode: { row in
            Deposit(
                id: Deposit.ID(try row.text("id")),
                accountID: Account.ID(try row.text("account_id")),
                jobID: Job.ID(try row.text("job_id")),
                receivedOn: try Day(iso: try row.text("received_on")),
                amount: Money(minorUnits: try row.integer("amount_minor"),
                              currency: try Currency(try row.text("currency"))))
        }
    }

    /// Runs a raw query per 2,000 ids and decodes every row.
    private func chunked<Row>(
        _ ids: [String], _ sql: any SQLDatabase, _ query: ([String]) -> SQLQueryString, decode: (Cells) throws -> Row
    ) async throws -> [Row] {
        var rows: [Row] = []
        for start in stride(from: 0, to: ids.count, by: 2000) {
            let list = Array(ids[start..<min(start + 2000, ids.count)])
            for row in try await sql.rows(query(list)) { rows.append(try decode(row)) }
        }
        return rows
    }
}
