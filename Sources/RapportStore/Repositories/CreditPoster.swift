import RapportCore
import SQLKit

/// A payment or credit memo to post: its money, its day and the invoice it names, if any.
struct CreditPosting: Sendable {
    var source: CreditSource
    var accountID: Account.ID
    var day: Day
    var amount: Money
    var target: Invoice.ID?
}

/// Posts payments and credit memos inside the caller's transaction: loads the open invoices they
/// may pay, lets Core's `OpenItemBook` allocate them (named invoice first, else oldest open), and
/// writes the credits, their open items, the allocations and the invoices' new open amounts.
enum CreditPoster {
    /// An invoice's due and collection-start days as stored (ISO text), copied into its allocations.
    struct InvoiceDays: Sendable {
        var due: String
        var collectionStart: String
        /// The invoice's account (a payment may settle an invoice of another account of the family).
        var account: String
    }

    /// Posts in order of day (ties in the given order); `Record` rows go into `table`.
    static func post<Record: BulkRow>(
        _ postings: [(CreditPosting, Record)], into table: String, sql: any SQLDatabase, progress: BatchProgress?
    ) async throws -> PostingSummary {
        let ordered = postings.enumerated()
            .sorted { ($0.element.0.day, $0.offset) < ($1.element.0.day, $1.offset) }
            .map(\.element)
        let (open, invoiceDays) = try await openInvoices(for: ordered.map(\.0), sql: sql)
        var book = OpenItemBook(open)
        var paidOn: [Invoice.ID: Day] = [:]
        var summary = PostingSummary(allocations: 0, unapplied: [:])
        var written = 0
        for start in stride(from: 0, to: ordered.count, by: 2000) {
            let slice = ordered[start..<min(start + 2000, ordered.count)]
            var allocations: [AllocationRecord] = []
            var credits: [OpenItemRecord] = []
            for (posting, _) in slice {
                let credit = OpenCredit(source: posting.source, accountID: posting.accountID, day: posting.day, open: posting.amount)
                let result = try book.apply(credit, target: posting.target)
                for allocation in result.allocations {
                    let days = invoiceDays[allocation.invoiceID]!
                    allocations.append(AllocationRecord(
                        allocation, invoiceDue: days.due, invoiceCollectionStart: days.collectionStart, invoiceAccount: days.account,
                        creditDay: posting.day))
                    if book.invoice(allocation.invoiceID)?.open.isZero == true, paidOn[allocation.invoiceID] == nil {
                        paidOn[allocation.invoiceID] = allocation.allocatedOn
                    }
                }
                credits.append(OpenItemRecord(
                    kind: posting.source.kind, refId: posting.source.rawID, accountId: posting.accountID.rawValue,
                    currency: posting.amount.currency.code, day: posting.day.isoString, dueOn: nil,
                    originalMinor: posting.amount.minorUnits, openMinor: result.unapplied.minorUnits))
                if result.unapplied.isPositive { try summary.addUnapplied(result.unapplied) }
            }
            try await sql.insertBatched(slice.map(\.1), into: table)
            try await sql.insertBatched(credits, into: "open_items")
            for (kind, items) in Dictionary(grouping: credits, by: \.kind) {
                try await ReceivableDays.addItems(kind: kind, ids: items.map(\.refId), sql)
            }
            try await sql.insertBatched(allocations, into: "allocations")
            summary.allocations += allocations.count
            written += slice.count
            try await progress?(written)
        }
        let changed = book.changedInvoiceIDs.sorted().compactMap { book.invoice($0) }
        try await updateOpenAmounts(changed, paidOn: paidOn, sql: sql)
        try await ChangeVersion.bump(sql)
        return summary
    }

    /// Open invoices with their due and collection-start days: the open-item row joined to the
    /// invoice; callers add their `where` clauses.
    static func selectOpenInvoices(_ sql: any SQLDatabase) -> SQLSelectBuilder {
        sql.select()
            .column(SQLColumn("ref_id", table: "o")).column(SQLColumn("account_id", table: "o"))
            .column(SQLColumn("day", table: "o")).column(SQLColumn("open_minor", table: "o"))
            .column(SQLColumn("currency", table: "o")).column(SQLColumn("job_id", table: "i"))
            .column(SQLColumn("due_date", table: "i")).column(SQLColumn("collection_start", table: "i"))
            .from(SQLAlias(SQLIdentifier("open_items"), as: SQLIdentifier("o")))
            .join(SQLAlias(SQLIdentifier("invoices"), as: SQLIdentifier("i")), method: SQLJoinMethod.inner,
                  on: SQLColumn("id", table: "i"), .equal, SQLColumn("ref_id", table: "o"))
            .where(SQLColumn("kind", table: "o"), .equal, SQLBind("invoice"))
    }

    /// A row of `selectOpenInvoices`.
    static func decodeOpenInvoice(_ row: Cells) throws -> (OpenInvoice, InvoiceDays) {
        (OpenInvoice(
            id: Invoice.ID(try row.text("ref_id")),
            accountID: Account.ID(try row.text("account_id")),
            issueDate: try Day(iso: try row.text("day")),
            jobID: try row.optionalText("job_id").map { Job.ID($0) },
            open: Money(
                minorUnits: try row.integer("open_minor"),
                currency: try Currency(try row.text("currency")))),
         InvoiceDays(
            due: try row.text("due_date"),
            collectionStart: try row.text("collection_start"),
            account: try row.text("account_id")))
    }

    /// The open invoices of the paying accounts, plus every invoice a payment names (even if paid),
    /// with their due and collection-start days.
    private static func openInvoices(
        for payments: [CreditPosting], sql: any SQLDatabase
    ) async throws -> ([OpenInvoice], [Invoice.ID: InvoiceDays]) {
        let accounts = Set(payments.map(\.accountID.rawValue))
        var byID: [Invoice.ID: OpenInvoice] = [:]
        var days: [Invoice.ID: InvoiceDays] = [:]
        for invoice in try await sql.fetchChunked(accounts, { chunk in
            selectOpenInvoices(sql).where(SQLColumn("account_id", table: "o"), .in, SQLBind.group(chunk))
                .where(SQLColumn("open_minor", table: "o"), .greaterThan, SQLBind(0))
        }, decode: decodeOpenInvoice) {
            byID[invoice.0.id] = invoice.0
            days[invoice.0.id] = invoice.1
        }
        let targets = Set(payments.compactMap(\.target?.rawValue))
        for invoice in try await sql.fetchChunked(targets, { chunk in
            selectOpenInvoices(sql).where(SQLColumn("ref_id", table: "o"), .in, SQLBind.group(chunk))
        }, decode: decodeOpenInvoice) {
            byID[invoice.0.id] = invoice.0
            days[invoice.0.id] = invoice.1
        }
        return (Array(byID.values), days)
    }

    /// Writes new open amounts, and the day each invoice became fully paid, a few hundred invoices per statement.
    static func updateOpenAmounts(
        _ invoices: [OpenInvoice], paidOn: [Invoice.ID: Day], sql: any SQLDatabase
    ) async throws {
        for start in stride(from: 0, to: invoices.count, by: 400) {
            let chunk = invoices[start..<min(start + 400, invoices.count)]
            var opens: [any SQLExpression] = []
            var paid: [any SQLExpression] = []
            for invoice in chunk {
                opens.append(SQLQueryString("WHEN \(bind: invoice.id.rawValue) THEN \(bind: invoice.open.minorUnits)"))
                if let day = paidOn[invoice.id] {
                    paid.append(SQLQueryString("WHEN \(bind: invoice.id.rawValue) THEN \(bind: day.isoString)"))
                }
            }
            let paidCase: SQLQueryString = paid.isEmpty
                ? "paid_on"
                : "CASE ref_id \(SQLList(paid, separator: SQLRaw(" "))) ELSE paid_on END"
            try await sql.raw("""
                UPDATE open_items SET open_minor = CASE ref_id \(SQLList(opens, separator: SQLRaw(" "))) END, \
                paid_on = \(paidCase) \
                WHERE kind = 'invoice' AND ref_id IN \(SQLBind.group(chunk.map(\.id.rawValue)))
                """).run()
            let settled = chunk.map(\.id).filter { paidOn[$0] != nil }.map(\.rawValue)
            if !settled.isEmpty {
                try await sql.raw("""
                    UPDATE open_items SET settled_by = \(AddOpenItemSettledBy.settledBy), paid_late = \(AddQueueReadIndexes.paidLate) \
                    WHERE kind = 'invoice' AND ref_id IN \(SQLBind.group(settled))
                    """).run()
                try await PaidInvoiceCounts.add(settled: settled, sql)
                try await ReceivableDays.addPaid(invoices: settled, sql)
            }
        }
    }
}
