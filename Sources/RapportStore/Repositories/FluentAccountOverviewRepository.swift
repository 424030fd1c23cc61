import FluentKit
import RapportCore
import SQLKit

/// `AccountOverviewRepository` on SQLite or PostgreSQL: the family's ledgers, then one query per
/// kind of record over all the family's accounts.
public struct FluentAccountOverviewRepository: AccountOverviewRepository {
    let database: any Database

    public init(_ database: RapportDatabase) { self.database = database.reader }

    init(database: any Database) { self.database = database }

    public func fetchLargestFamilies(limit: Int) async throws -> [Account.ID] {
        try await (database as! any SQLDatabase).raw("""
            SELECT p.id, COUNT(c.id) AS children FROM accounts p LEFT JOIN accounts c ON c.parent_id = p.id
            WHERE p.flags LIKE '%key_account%' GROUP BY p.id ORDER BY children DESC, p.id LIMIT \(bind: limit)
            """).rows().map { Account.ID(try $0.text("id")) }
    }

    public func fetchLedgerSpan() async throws -> (first: Day, last: Day)? {
        let row = try await (database as! any SQLDatabase).raw("""
            SELECT (SELECT MIN(issue_date) FROM invoices) AS first,
              COALESCE((SELECT MAX(received_on) FROM payments), (SELECT MAX(issue_date) FROM invoices)) AS last
            """).rows().first
        guard let first = try row?.optionalText("first"), let last = try row?.optionalText("last") else {
            return nil
        }
        return (try Day(iso: first), try Day(iso: last))
    }

    public func fetchOverviewInput(_ root: Account.ID, asOf day: Day, latestTouches: Int?) async throws -> AccountOverview.Input? {
        try await database.readSnapshot { try await Self(database: $0).overviewInput(root, asOf: day, latestTouches: latestTouches) }
    }

    private func overviewInput(_ root: Account.ID, asOf day: Day, latestTouches: Int?) async throws -> AccountOverview.Input? {
        let sql = database as! any SQLDatabase
        let accounts = try await FluentAccountRepository(database: database).fetchFamily(of: root)
        guard !accounts.isEmpty else { return nil }
        let ids = accounts.map(\.id)
        let raw = ids.map(\.rawValue)
        let ledgers = try await FluentLedgerQueries(database: database).ledgerReports(for: ids, asOf: day)
        let openIDs = ledgers.flatMap { $0.invoices.filter(\.open.isPositive).map(\.invoiceID) }
        let openInvoices = try await FluentInvoiceRepository(database: database).fetchInvoices(openIDs)
        let iso = day.isoString
        let locations = try await sql.fetchChunked(raw) { sql.select().column("*").from("locations").where("account_id", .in, $0) }
            decode: { try LocationRecord(row: $0).toDomain() }
        var jobs = try await sql.fetchChunked(raw) { sql.select().column("*").from("jobs").where("account_id", .in, $0) }
            decode: { try JobRecord(row: $0).toDomain() }
        let items = try await sql.fetchChunked(jobs.map(\.id.rawValue)) { sql.select().column("*").from("follow_up_items").where("job_id", .in, $0) }
            decode: { try FollowUpRecord(row: $0).toDomain() }
        let itemsByJob = Dictionary(grouping: items, by: \.jobID)
        for index in jobs.indices { jobs[index].followUps = (itemsByJob[jobs[index].id] ?? []).sorted { $0.id < $1.id } }
        let payments = try await sql.fetchChunked(raw) {
            sql.select().column("*").from("payments").where("account_id", .in, $0).where("received_on", .lessThanOrEqual, iso)
        } decode: { try SQLRowDecoding.payment($0) }
        let memos = try await sql.fetchChunked(raw) {
            sql.select().column("*").from("credit_memos").where("account_id", .in, $0).where("issued_on", .lessThanOrEqual, iso)
        } decode: { try CreditMemoRecord(row: $0).toDomain() }
        let deposits = try await sql.fetchChunked(raw) {
            sql.select().column("*").from("deposits").where("account_id", .in, $0).where("received_on", .lessThanOrEqual, iso)
        } decode: { try DepositRecord(row: $0).toDomain() }
        let arrangementStore = FluentArrangementRepository(database: database)
        let arrangements = try await arrangementStore.fetchArrangements(accounts: ids).filter { $0.agreedOn <= day }
        let changeRequests = try await sql.fetchChunked(raw) {
            sql.select().column("*").from("change_requests").where("account_id", .in, $0).where("reported_on", .lessThanOrEqual, iso)
        } decode: { try ChangeRequestRecord(row: $0).toDomain() }
        return AccountOverview.Input(
            accountID: root, asOf: day, accounts: accounts, ledgers: ledgers, openInvoices: openInvoices, locations: locations,
            jobs: jobs, cases: try await FluentCaseRepository(database: database).fetchCases(accounts: ids),
            contacts: try await FluentContactRepository(database: database).fetchContacts(accounts: ids),
            interactions: try await touches(raw, asOf: iso, latest: latestTouches),
            payments: payments, creditMemos: memos, deposits: deposits,
            promises: try await FluentPromiseRepository(database: database).fetchPromises(accounts: ids),
            arrangements: arrangements,
            arrangementAllocations: try await arrangementStore.fetchArrangementAllocations(arrangements).filter { $0.allocatedOn <= day },
            changeRequests: changeRequests,
            billingChanges: try await FluentBillingChangeRepository(database: database).fetchBillingChanges(accounts: ids)
                .filter { $0.recordedOn <= day })
    }

    /// The family's touches up to the day, oldest first; only the newest `latest` when given.
    private func touches(_ accounts: [String], asOf iso: String, latest: Int?) async throws -> [Interaction] {
        let sql = database as! any SQLDatabase
        let all = try await sql.fetchChunked(accounts) { chunk in
            let select = sql.select().column("*").from("interactions").where("account_id", .in, chunk).where("occurred_on", .lessThanOrEqual, iso)
            guard let latest else { return select }
            return select.orderBy("occurred_on", .descending).orderBy("id", .descending).limit(latest)
        } decode: { row in try InteractionRecord(row: row).toDomain() }
        let sorted = all.sorted { ($0.occurredOn, $0.id) < ($1.occurredOn, $1.id) }
        return latest.map { Array(sorted.suffix($0)) } ?? sorted
    }
}
