import RapportCore
import SQLKit

/// Applies held deposits inside the caller's transaction: for the given jobs, every deposit with
/// money still unapplied goes to the job's final invoice when the job is billed off and has one
/// (`DepositPolicy.finalInvoice`); otherwise it stays held. Runs after deposits and after invoices
/// are imported, so the order the files arrive in does not matter.
enum DepositSettler {
    static func settle(jobs: Set<Job.ID>, sql: any SQLDatabase) async throws -> PostingSummary {
        var summary = PostingSummary(allocations: 0, unapplied: [:])
        guard !jobs.isEmpty else { return summary }
        let ids = jobs.map(\.rawValue)
        let held = try await sql.fetchChunked(ids) { chunk in
            sql.select().column(SQLColumn("id", table: "d")).column(SQLColumn("account_id", table: "d"))
                .column(SQLColumn("job_id", table: "d")).column(SQLColumn("received_on", table: "d"))
                .column(SQLColumn("open_minor", table: "o")).column(SQLColumn("currency", table: "d"))
                .from(SQLAlias(SQLIdentifier("deposits"), as: SQLIdentifier("d")))
                .join(SQLAlias(SQLIdentifier("open_items"), as: SQLIdentifier("o")), method: SQLJoinMethod.inner,
                      on: SQLColumn("ref_id", table: "o"), .equal, SQLColumn("id", table: "d"))
                .where(SQLColumn("kind", table: "o"), .equal, SQLBind("deposit"))
                .where(SQLColumn("open_minor", table: "o"), .greaterThan, SQLBind(0))
                .where(SQLColumn("job_id", table: "d"), .in, SQLBind.group(chunk))
        } decode: { row in
            Deposit(
                id: Deposit.ID(try row.text("id")),
                accountID: Account.ID(try row.text("account_id")),
                jobID: Job.ID(try row.text("job_id")),
                receivedOn: try Day(iso: try row.text("received_on")),
                amount: Money(minorUnits: try row.integer("open_minor"),
                              currency: try Currency(try row.text("currency"))))
        }.sorted { ($0.receivedOn, $0.id) < ($1.receivedOn, $1.id) }
        guard !held.isEmpty else { return summary }
        let billedOff = try await billedOffDays(Set(held.map(\.jobID.rawValue)), sql)
        let (invoices, days) = try await openInvoices(ofJobs: Set(held.map(\.jobID.rawValue)), sql)
        var book = OpenItemBook(invoices)
        var current = invoices
        var allocations: [AllocationRecord] = []
        var remaining: [(Deposit.ID, Int64)] = []
        var paidOn: [Invoice.ID: Day] = [:]
        for deposit in held {
            guard let target = DepositPolicy.finalInvoice(
                for: deposit, billedOffOn: billedOff[deposit.jobID] ?? nil, among: current) else {
                try summary.addUnapplied(deposit.amount)
                continue
            }
            let credit = OpenCredit(source: .deposit(deposit.id), accountID: deposit.accountID, day: deposit.receivedOn, open: deposit.amount)
            let result = try book.apply(credit, target: target.id)
            for allocation in result.allocations {
                let invoiceDays = days[allocation.invoiceID]!
                allocations.append(AllocationRecord(
                    allocation, invoiceDue: invoiceDays.due, invoiceCollectionStart: invoiceDays.collectionStart,
                    invoiceAccount: invoiceDays.account, creditDay: deposit.receivedOn))
                if book.invoice(allocation.invoiceID)?.open.isZero == true { paidOn[allocation.invoiceID] = allocation.allocatedOn }
            }
            current = current.map { book.invoice($0.id) ?? $0 }
            remaining.append((deposit.id, result.unapplied.minorUnits))
            if result.unapplied.isPositive { try summary.addUnapplied(result.unapplied) }
        }
        try await sql.insertBatched(allocations, into: "allocations")
        for (deposit, open) in remaining {
            try await sql.update("open_items").set("open_minor", to: SQLBind(open))
                .where("kind", .equal, "deposit").where("ref_id", .equal, deposit.rawValue).run()
        }
        let changed = book.changedInvoiceIDs.sorted().compactMap { book.invoice($0) }
        try await CreditPoster.updateOpenAmounts(changed, paidOn: paidOn, sql: sql)
        summary.allocations = allocations.count
        return summary
    }

    private static func billedOffDays(_ jobs: Set<String>, _ sql: any SQLDatabase) async throws -> [Job.ID: Day?] {
        let rows = try await sql.fetchChunked(jobs) { chunk in
            sql.select().column("id").column("billed_off_on").from("jobs").where("id", .in, chunk)
        } decode: { row in
            (Job.ID(try row.text("id")),
             try row.optionalText("billed_off_on").map { try Day(iso: $0) })
        }
        return Dictionary(rows, uniquingKeysWith: { first, _ in first })
    }

    private static func openInvoices(
        ofJobs jobs: Set<String>, _ sql: any SQLDatabase
    ) async throws -> ([OpenInvoice], [Invoice.ID: CreditPoster.InvoiceDays]) {
        let rows = try await sql.fetchChunked(jobs) { chunk in
            CreditPoster.selectOpenInvoices(sql)
                .where(SQLColumn("open_minor", table: "o"), .greaterThan, SQLBind(0))
                .where(SQLColumn("job_id", table: "i"), .in, SQLBind.group(chunk))
        } decode: { try CreditPoster.decodeOpenInvoice($0) }
        return (rows.map(\.0), Dictionary(rows.map { ($0.0.id, $0.1) }, uniquingKeysWith: { first, _ in first }))
    }
}
