import FluentKit
import RapportCore
import SQLKit

/// `QueueRepository` on SQLite or PostgreSQL: one query per kind of record, each bounded by the
/// specialist's accounts (`account_id IN (SELECT id FROM accounts WHERE specialist = ?)`) and read
/// through the narrow partial indexes of `AddQueueReadIndexes`, the paid counts and the touch index
/// of `AddQueueCountsAndTouchIndex`.
public struct FluentQueueRepository: QueueRepository {
    let database: any Database

    public init(_ database: RapportDatabase) { self.database = database.reader }

    init(database: any Database) { self.database = database }

    public func fetchSpecialists() async throws -> [String] {
        let sql = database as! any SQLDatabase
        return try await sql.rows("SELECT DISTINCT specialist FROM accounts WHERE specialist IS NOT NULL ORDER BY specialist")
            .map { try $0.text("specialist") }
    }

    public func fetchQueueData(specialist: String, day: Day, jobsBilledOffFrom: Day) async throws -> QueueData? {
        try await database.readSnapshot {
            try await Self(database: $0).queueData(specialist: specialist, day: day, jobsBilledOffFrom: jobsBilledOffFrom)
        }
    }

    private func queueData(specialist: String, day: Day, jobsBilledOffFrom: Day) async throws -> QueueData? {
        let sql = database as! any SQLDatabase
        let mine: SQLQueryString = "(SELECT id FROM accounts WHERE specialist = \(bind: specialist))"
        let accounts = try await sql.select().column("*").from("accounts").where("specialist", .equal, specialist)
            .orderBy("id").rows().map { try AccountRecord(row: $0).toDomain() }
        guard !accounts.isEmpty else { return nil }
        let ids = accounts.map(\.id.rawValue)
        let iso = day.isoString
        let invoices = try await openInvoices(of: specialist, Set(ids), on: day, sql)
        let riskModels = FluentRiskModelRepository(database: database)
        let model = try await riskModels.fetchLatestModel()
        let jobs = try await self.jobs(
            mine, billedOffFrom: model == nil ? jobsBilledOffFrom : .earliest, alsoOf: invoices.compactMap(\.jobID), sql)
        // Without a model the queue reads only cases that matter on the day: opened by then and
        // either unresolved then or holding an invoice open then — open now, or paid only after the
        // day (its resolution day may resume a contact). The model's features count every past case.
        // The cases holding such an invoice are found once, from the few open items (the partial
        // indexes, then each one's links by key), not by probing every resolved case's invoices.
        let openIndex: SQLQueryString = sql.dialect.name == "sqlite" ? "INDEXED BY open_items_open" : ""
        let relevant: SQLQueryString = model != nil ? "c.opened_on <= \(bind: iso)" : """
            c.opened_on <= \(bind: iso) AND (c.resolved_on IS NULL OR c.resolved_on > \(bind: iso) OR c.id IN (
              SELECT ci.case_id FROM open_items o \(openIndex) CROSS JOIN case_invoices ci
              WHERE o.kind = 'invoice' AND o.open_minor <> 0 AND ci.invoice_id = o.ref_id
              UNION SELECT ci.case_id FROM open_items o CROSS JOIN case_invoices ci
              WHERE o.kind = 'invoice' AND o.settled_by IN ('cash', 'credit') AND o.paid_on > \(bind: iso) AND ci.invoice_id = o.ref_id))
            """
        let cases = try await FluentCaseRepository(database: database).fetchCases(inAccounts: mine, where: relevant)
        // Paid history from the counts every posting keeps (less what was paid after the day).
        let paidCounts = try await PaidInvoiceCounts.perAccount(mine, through: day, sql)
        let ledger = try await PaidInvoiceCounts.ledger(through: day, sql)
        let promiseStore = FluentPromiseRepository(database: database)
        let promises = try await promiseStore.fetchPromises(inAccounts: mine).filter { $0.madeOn <= day }
        let arrangementStore = FluentArrangementRepository(database: database)
        let arrangements = try await arrangementStore.fetchArrangements(inAccounts: mine).filter { $0.agreedOn <= day }
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
            creditReviews: try await creditReviews(mine, sql), deposits: try await deposits(mine, sql), arrangements: arrangements,
            arrangementAllocations: arrangementAllocations)
        var history: [RiskTraining.InvoiceFacts] = []
        if model != nil {
            history = try await sql.rows("""
                SELECT i.id, i.account_id, i.issue_date, i.due_date, i.collection_start, i.total_minor, i.currency, i.job_id,
                  CASE WHEN o.paid_on <= \(bind: iso) THEN o.paid_on ELSE NULL END AS paid_on, o.settled_by
                FROM invoices i JOIN open_items o ON o.kind = 'invoice' AND o.ref_id = i.id
                WHERE i.account_id IN \(mine) AND i.issue_date <= \(bind: iso)
                """).map { try SQLRowDecoding.invoiceFacts($0) }
        }
        return QueueData(
            input: input, paidCounts: paidCounts, ledgerLateShare: ledger.paid == 0 ? nil : Double(ledger.late) / Double(ledger.paid),
            history: history, model: model)
    }

    /// The specialist's invoices open at the end of `day`: open now, or paid in full only after it,
    /// with what was open that day (now + what was allocated after it, a range of `allocations_day`,
    /// empty for today), each with its collection start and job.
    private func openInvoices(of specialist: String, _ accounts: Set<String>, on day: Day, _ sql: any SQLDatabase) async throws -> [QueueInvoice] {
        let iso = day.isoString
        let columns: SQLQueryString = """
            o.ref_id, o.account_id, o.day, o.due_on, o.currency, o.original_minor, o.open_minor, o.collection_start, o.job_id
            """
        var rows = try await sql.rows("""
            SELECT \(columns) FROM open_items o
            WHERE o.kind = 'invoice' AND o.open_minor <> 0 AND o.account_id IN (SELECT id FROM accounts WHERE specialist = \(bind: specialist))
              AND o.day <= \(bind: iso) AND o.open_minor > 0
            """)
        // Paid in full after the day (none when the day is today): read by paid day, kept for these accounts.
        rows += try await sql.rows("""
            SELECT \(columns) FROM open_items o
            WHERE o.kind = 'invoice' AND o.settled_by IN ('cash', 'credit') AND o.paid_on > \(bind: iso) AND o.day <= \(bind: iso)
            """).filter { accounts.contains(try $0.text("account_id")) }
        var later: [String: Int64] = [:]
        let currencies = Set(try rows.map { try $0.text("currency") })
        if !currencies.isEmpty {
            let index: SQLQueryString = sql.dialect.name == "sqlite" ? "INDEXED BY allocations_day" : ""
            for row in try await sql.rows("""
                SELECT invoice_id, CAST(SUM(amount_minor) AS BIGINT) AS later FROM allocations \(index)
                WHERE currency IN \(SQLBind.group(currencies.sorted())) AND allocated_on > \(bind: iso) GROUP BY invoice_id
                """) {
                later[try row.text("invoice_id")] = try row.integer("later")
            }
        }
        // The first invoice of each account with one open (the new-client courtesy call), one index seek each.
        var first: [String: String] = [:]
        for row in try await sql.fetchChunked(Set(try rows.map { try $0.text("account_id") }), { chunk in
            sql.select().column("account_id").column(SQLFunction("MIN", args: SQLColumn("issue_date")), as: "first")
                .from("invoices").where("account_id", .in, chunk).groupBy("account_id")
        }, decode: { $0 }) {
            first[try row.text("account_id")] = try row.text("first")
        }
        var days = DayCache()
        return try rows.map { row in
            let id = try row.text("ref_id")
            let account = try row.text("account_id")
            let issue = try row.text("day")
            let currency = try Currency(try row.text("currency"))
            return QueueInvoice(
                id: Invoice.ID(id), accountID: Account.ID(account), issueDate: try days.day(issue), dueDate: try days.day(try row.text("due_on")),
                collectionStart: try days.day(try row.text("collection_start")),
                total: Money(minorUnits: try row.integer("original_minor"), currency: currency),
                open: Money(minorUnits: try row.integer("open_minor") + (later[id] ?? 0), currency: currency),
                jobID: try row.optionalText("job_id").map { Job.ID($0) }, isFirstOfAccount: first[account] == issue)
        }.sorted { $0.id < $1.id }
    }

    /// The jobs of `accounts` not billed off or billed off on or after `from`, and the jobs
    /// `alsoOf`, each with its follow-up items.
    private func jobs(_ accounts: SQLQueryString, billedOffFrom from: Day, alsoOf extra: [Job.ID], _ sql: any SQLDatabase) async throws -> [Job] {
        var jobs = try await sql.rows("""
            SELECT * FROM jobs WHERE account_id IN \(accounts) AND (billed_off_on IS NULL OR billed_off_on >= \(bind: from.isoString))
            """).map { try JobRecord(row: $0).toDomain() }
        let read = Set(jobs.map(\.id))
        jobs += try await sql.fetchChunked(Set(extra.filter { !read.contains($0) }.map(\.rawValue))) { chunk in
            sql.select().column("*").from("jobs").where("id", .in, chunk)
        } decode: { try JobRecord(row: $0).toDomain() }
        let items = try await sql.fetchChunked(jobs.map(\.id.rawValue)) { chunk in
            sql.select().column("*").from("follow_up_items").where("job_id", .in, chunk)
        } decode: { try FollowUpRecord(row: $0).toDomain() }
        let itemsByJob = Dictionary(grouping: items, by: \.jobID)
        for index in jobs.indices { jobs[index].followUps = (itemsByJob[jobs[index].id] ?? []).sorted { $0.id < $1.id } }
        return jobs.sorted { $0.id < $1.id }
    }

    public func fetchTouches(from starts: [Account.ID: Day], through: Day) async throws -> [Interaction] {
        let sql = database as! any SQLDatabase
        // Accounts in order of their first day, a few hundred per query from the earliest of them;
        // the touches of an account before its own day are dropped.
        let ordered = starts.sorted { ($0.value, $0.key.rawValue) < ($1.value, $1.key.rawValue) }
        var found: [Interaction] = []
        for start in stride(from: 0, to: ordered.count, by: 500) {
            let chunk = ordered[start..<min(start + 500, ordered.count)]
            found += try await touches(sql, """
                SELECT id, account_id, invoice_id, occurred_on, channel, purpose, outcome, by_user FROM interactions
                WHERE account_id IN \(SQLBind.group(chunk.map(\.key.rawValue)))
                  AND occurred_on >= \(bind: chunk.first!.value.isoString) AND occurred_on <= \(bind: through.isoString)
                """).filter { $0.occurredOn >= starts[$0.accountID]! }
        }
        return found.sorted { ($0.occurredOn, $0.id) < ($1.occurredOn, $1.id) }
    }

    public func fetchLatestTouches(accounts: [Account.ID], purposes: [Interaction.Purpose], through: Day) async throws -> [Interaction] {
        let sql = database as! any SQLDatabase
        var found: [Interaction] = []
        let ids = accounts.map(\.rawValue)
        for purpose in purposes {
            for start in stride(from: 0, to: ids.count, by: 500) {
                // Per account, one seek into `interactions_purpose`: the newest reaching touch, the highest id on its day.
                found += try await touches(sql, """
                    SELECT t.id, t.account_id, t.invoice_id, t.occurred_on, t.channel, t.purpose, t.outcome, t.by_user
                    FROM accounts a CROSS JOIN interactions t
                    WHERE a.id IN \(SQLBind.group(Array(ids[start..<min(start + 500, ids.count)])))
                      AND t.id = (SELECT u.id FROM interactions u WHERE u.account_id = a.id
                      AND u.purpose = \(bind: purpose.rawValue) AND u.occurred_on <= \(bind: through.isoString)
                      AND u.outcome NOT IN ('no_answer', 'left_message') ORDER BY u.occurred_on DESC, u.id DESC LIMIT 1)
                    """)
            }
        }
        return found.sorted { ($0.occurredOn, $0.id) < ($1.occurredOn, $1.id) }
    }

    public func fetchCallBacks(from: Day, through: Day) async throws -> [Interaction] {
        let sql = database as! any SQLDatabase
        return try await sql.rows("""
            SELECT * FROM interactions WHERE next_on IS NOT NULL AND next_on >= \(bind: from.isoString)
              AND occurred_on <= \(bind: through.isoString)
            """).map { try InteractionRecord(row: $0).toDomain() }.sorted { ($0.occurredOn, $0.id) < ($1.occurredOn, $1.id) }
    }

    /// Touches without their notes (the queue does not read them), oldest first.
    private func touches(_ sql: any SQLDatabase, _ query: SQLQueryString) async throws -> [Interaction] {
        var days = DayCache()
        return try await sql.rows(query).map { row in
            let occurred = try days.day(try row.text("occurred_on"))
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

    private func creditReviews(_ accounts: SQLQueryString, _ sql: any SQLDatabase) async throws -> [CreditReview] {
        try await sql.rows("SELECT id, account_id, reviewed_on, decision FROM credit_reviews WHERE account_id IN \(accounts)").map { row in
            CreditReview(
                id: CreditReview.ID(try row.text("id")),
                accountID: Account.ID(try row.text("account_id")),
                reviewedOn: try Day(iso: try row.text("reviewed_on")), references: [],
                industryCreditGroupNote: "",
                decision: try SQLRowDecoding.decision(row, table: "credit_reviews"))
        }
    }

    private func deposits(_ accounts: SQLQueryString, _ sql: any SQLDatabase) async throws -> [Deposit] {
        try await sql.rows("SELECT * FROM deposits WHERE account_id IN \(accounts)").map { try DepositRecord(row: $0).toDomain() }
    }
}
