import FluentKit
import RapportCore
import SQLKit

/// `PaymentRepository` on SQLite or PostgreSQL. Allocation itself is Core's `OpenItemBook`; this
/// type loads the open invoices it needs and writes back what changed, in one transaction.
public struct FluentPaymentRepository: PaymentRepository {
    let database: any Database

    public init(_ database: RapportDatabase) { self.database = database.database }

    public func fetchPayments(_ ids: some Collection<Payment.ID> & Sendable) async throws -> [Payment] {
        let sql = database as! any SQLDatabase
        return try await sql.fetchChunked(ids.map(\.rawValue)) { chunk in
            sql.select().column("*").from("payments").where("id", .in, chunk)
        } decode: { row in try SQLRowDecoding.payment(row) }
    }

    public func postPayments(_ payments: [Payment], progress: BatchProgress?) async throws -> PostingSummary {
        let ordered = payments.enumerated()
            .sorted { ($0.element.receivedOn, $0.offset) < ($1.element.receivedOn, $1.offset) }
            .map(\.element)
        return try await database.transaction { tx in
            let sql = tx as! any SQLDatabase
            let (open, invoiceDays) = try await Self.openInvoices(for: ordered, sql: sql)
            var book = OpenItemBook(open)
            var paidOn: [Invoice.ID: Day] = [:]
            var summary = PostingSummary(allocations: 0, unapplied: [:])
            var written = 0
            for start in stride(from: 0, to: ordered.count, by: 2000) {
                let slice = ordered[start..<min(start + 2000, ordered.count)]
                var allocations: [AllocationRecord] = []
                var credits: [OpenItemRecord] = []
                for payment in slice {
                    let credit = OpenCredit(
                        source: .payment(payment.id), accountID: payment.accountID, day: payment.receivedOn,
                        open: payment.amount)
                    let result = try book.apply(credit, target: payment.invoiceID)
                    for allocation in result.allocations {
                        let days = invoiceDays[allocation.invoiceID]!
                        allocations.append(AllocationRecord(
                            allocation, invoiceDue: days.due, invoiceCollectionStart: days.collectionStart,
                            creditDay: payment.receivedOn))
                        if book.invoice(allocation.invoiceID)?.open.isZero == true, paidOn[allocation.invoiceID] == nil {
                            paidOn[allocation.invoiceID] = allocation.allocatedOn
                        }
                    }
                    credits.append(OpenItemRecord(
                        kind: "payment", refId: payment.id.rawValue, accountId: payment.accountID.rawValue,
                        currency: payment.amount.currency.code, day: payment.receivedOn.isoString, dueOn: nil,
                        originalMinor: payment.amount.minorUnits, openMinor: result.unapplied.minorUnits))
                    if result.unapplied.isPositive {
                        let currency = result.unapplied.currency
                        summary.unapplied[currency] = try (summary.unapplied[currency] ?? .zero(currency))
                            .adding(result.unapplied)
                    }
                }
                try await sql.insertBatched(slice.map(PaymentRecord.init), into: "payments")
                try await sql.insertBatched(credits, into: "open_items")
                try await sql.insertBatched(allocations, into: "allocations")
                summary.allocations += allocations.count
                written += slice.count
                try await progress?(written)
            }
            let changed = book.changedInvoiceIDs.sorted().compactMap { book.invoice($0) }
            try await Self.updateOpenAmounts(changed, paidOn: paidOn, sql: sql)
            return summary
        }
    }

    public func forEachPaymentPage(size: Int, _ body: ([Payment]) async throws -> Void) async throws {
        let sql = database as! any SQLDatabase
        var after = ""
        while true {
            let rows = try await sql.select().column("*").from("payments")
                .where("id", .greaterThan, after).orderBy("id").limit(size).all()
            guard !rows.isEmpty else { return }
            let page = try rows.map(SQLRowDecoding.payment)
            try await body(page)
            after = page.last!.id.rawValue
        }
    }

    /// An invoice's due and collection-start days as stored (ISO text), copied into its allocations.
    struct InvoiceDays: Sendable {
        var due: String
        var collectionStart: String
    }

    /// The open invoices of the paying accounts, plus every invoice a payment names (even if paid),
    /// with their due and collection-start days.
    private static func openInvoices(
        for payments: [Payment], sql: any SQLDatabase
    ) async throws -> ([OpenInvoice], [Invoice.ID: InvoiceDays]) {
        func select() -> SQLSelectBuilder {
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
        let decode: (any SQLRow) throws -> (OpenInvoice, InvoiceDays) = { row in
            (OpenInvoice(
                id: Invoice.ID(try row.decode(column: "ref_id", as: String.self)),
                accountID: Account.ID(try row.decode(column: "account_id", as: String.self)),
                issueDate: try Day(iso: try row.decode(column: "day", as: String.self)),
                jobID: try row.decode(column: "job_id", as: String?.self).map { Job.ID($0) },
                open: Money(
                    minorUnits: try row.decode(column: "open_minor", as: Int64.self),
                    currency: try Currency(try row.decode(column: "currency", as: String.self)))),
             InvoiceDays(
                due: try row.decode(column: "due_date", as: String.self),
                collectionStart: try row.decode(column: "collection_start", as: String.self)))
        }
        let accounts = Set(payments.map(\.accountID.rawValue))
        var byID: [Invoice.ID: OpenInvoice] = [:]
        var days: [Invoice.ID: InvoiceDays] = [:]
        for invoice in try await sql.fetchChunked(accounts, { chunk in
            select().where(SQLColumn("account_id", table: "o"), .in, SQLBind.group(chunk))
                .where(SQLColumn("open_minor", table: "o"), .greaterThan, SQLBind(0))
        }, decode: decode) {
            byID[invoice.0.id] = invoice.0
            days[invoice.0.id] = invoice.1
        }
        let targets = Set(payments.compactMap(\.invoiceID?.rawValue))
        for invoice in try await sql.fetchChunked(targets, { chunk in
            select().where(SQLColumn("ref_id", table: "o"), .in, SQLBind.group(chunk))
        }, decode: decode) {
            byID[invoice.0.id] = invoice.0
            days[invoice.0.id] = invoice.1
        }
        return (Array(byID.values), days)
    }

    /// Writes new open amounts, and the day each invoice became fully paid, a few hundred invoices per statement.
    private static func updateOpenAmounts(
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
        }
    }
}
