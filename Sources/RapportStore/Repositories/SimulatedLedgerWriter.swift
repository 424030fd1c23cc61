import FluentKit
import RapportCore
import SQLKit

/// Writes a simulated ledger (the demo company) into an empty database in one transaction.
///
/// The simulation already allocated every payment, credit memo and deposit with Core's ledger
/// rules, so the allocations are written as they are and the open-item table is derived from them
/// (open = original − Σ allocations; an invoice's `paid_on` is its last allocation's day) — the
/// same invariant imports keep.
public struct SimulatedLedgerWriter: Sendable {
    let database: any Database

    public init(_ database: RapportDatabase) { self.database = database.database }

    /// Writes everything; `progress` gets a line per table.
    public func write(_ ledger: SimulatedLedger, users: [User], progress: @escaping @Sendable (String) -> Void) async throws {
        try await database.transaction { tx in
            let sql = tx as! any SQLDatabase
            func insert<Record: BulkRow>(_ rows: [Record], into table: String) async throws {
                try await sql.insertBatched(rows, into: table)
                progress("\(table): \(rows.count) rows")
            }
            try await insert(users.map { UserRecord(user: $0) }, into: "users")
            try await insert(ledger.accounts.map(AccountRecord.init), into: "accounts")
            try await insert(ledger.locations.map(LocationRecord.init), into: "locations")
            try await insert(ledger.jobs.map(JobRecord.init), into: "jobs")
            try await insert(ledger.jobs.flatMap(\.followUps).map(FollowUpRecord.init), into: "follow_up_items")
            try await insert(ledger.invoices.map { InvoiceRecord($0, terms: .standard) }, into: "invoices")
            try await insert(ledger.invoices.flatMap { invoice in
                invoice.lines.enumerated().map { InvoiceLineRecord(invoiceID: invoice.id, number: $0.offset + 1, line: $0.element) }
            }, into: "invoice_lines")
            try await insert(ledger.payments.map(PaymentRecord.init), into: "payments")
            try await insert(ledger.creditMemos.map(CreditMemoRecord.init), into: "credit_memos")
            try await insert(ledger.deposits.map(DepositRecord.init), into: "deposits")
            try await insert(Self.openItems(ledger), into: "open_items")
            try await PaidInvoiceCounts.add(where: "paid_on IS NOT NULL", sql)
            try await ChangeVersion.bump(sql)
            try await ReceivableDays.addItems(where: "1 = 1", sql)
            try await ReceivableDays.addPaid(where: "1 = 1", sql)
            var invoiceDays: [Invoice.ID: (due: String, collectionStart: String, account: String)] = [:]
            for invoice in ledger.invoices {
                invoiceDays[invoice.id] = (
                    invoice.dueDate.isoString, invoice.collectionStart(terms: .standard).isoString, invoice.accountID.rawValue)
            }
            let creditDays = Self.creditDays(ledger)
            try await insert(ledger.allocations.map { allocation in
                let days = invoiceDays[allocation.invoiceID]!
                return AllocationRecord(
                    allocation, invoiceDue: days.due, invoiceCollectionStart: days.collectionStart, invoiceAccount: days.account,
                    creditDay: creditDays[allocation.source] ?? allocation.allocatedOn)
            }, into: "allocations")
            try await insert(ledger.cases.map(CaseRecord.init), into: "cases")
            try await insert(ledger.cases.flatMap { item in
                item.invoiceIDs.map { CaseInvoiceRecord(caseId: item.id.rawValue, invoiceId: $0.rawValue) }
            }, into: "case_invoices")
            try await insert(ledger.interactions.map(InteractionRecord.init), into: "interactions")
            try await insert(ledger.creditReviews.map { CreditReviewRecord(review: $0) }, into: "credit_reviews")
            let changes = ledger.billingChanges.map { BillingChangeRecord(change: $0) }
            try await insert(changes, into: "billing_changes")
            try await insert(changes.flatMap(\.invoiceRows), into: "billing_change_invoices")
            // The simulated touches are numbered T000001…: start the counter after them, so the
            // first touch logged by hand does not take an id the demo already used.
            let touches = ledger.interactions.compactMap { touch in
                touch.id.rawValue.hasPrefix("T") ? Int64(touch.id.rawValue.dropFirst()) : nil
            }
            if let last = touches.max() {
                try await sql.raw("INSERT INTO id_sequences (name, last_value) VALUES ('interaction', 0) ON CONFLICT (name) DO NOTHING").run()
                try await sql.raw("UPDATE id_sequences SET last_value = \(bind: last) WHERE name = 'interaction' AND last_value < \(bind: last)").run()
            }
        }
    }

    /// The day each payment, credit memo and deposit was received or issued.
    static func creditDays(_ ledger: SimulatedLedger) -> [CreditSource: Day] {
        var days: [CreditSource: Day] = [:]
        for payment in ledger.payments { days[.payment(payment.id)] = payment.receivedOn }
        for memo in ledger.creditMemos { days[.creditMemo(memo.id)] = memo.issuedOn }
        for deposit in ledger.deposits { days[.deposit(deposit.id)] = deposit.receivedOn }
        return days
    }

    /// One open item per invoice and per credit, derived from the allocations.
    static func openItems(_ ledger: SimulatedLedger) -> [OpenItemRecord] {
        var allocated: [Invoice.ID: (amount: Int64, last: Day, cashOnLast: Bool)] = [:]
        var used: [CreditSource: Int64] = [:]
        for allocation in ledger.allocations {
            let cash: Bool
            if case .creditMemo = allocation.source { cash = false } else { cash = true }
            if let sofar = allocated[allocation.invoiceID] {
                let amount = sofar.amount + allocation.amount.minorUnits
                if allocation.allocatedOn > sofar.last {
                    allocated[allocation.invoiceID] = (amount, allocation.allocatedOn, cash)
                } else {
                    allocated[allocation.invoiceID] = (amount, sofar.last, sofar.cashOnLast || (cash && allocation.allocatedOn == sofar.last))
                }
            } else {
                allocated[allocation.invoiceID] = (allocation.amount.minorUnits, allocation.allocatedOn, cash)
            }
            used[allocation.source, default: 0] += allocation.amount.minorUnits
        }
        var items: [OpenItemRecord] = []
        items.reserveCapacity(ledger.invoices.count + ledger.payments.count + ledger.creditMemos.count + ledger.deposits.count)
        for invoice in ledger.invoices {
            let paid = allocated[invoice.id]
            let open = invoice.total.minorUnits - (paid?.amount ?? 0)
            items.append(OpenItemRecord(
                kind: "invoice", refId: invoice.id.rawValue, accountId: invoice.accountID.rawValue, currency: invoice.currency.code,
                day: invoice.issueDate.isoString, dueOn: invoice.dueDate.isoString, originalMinor: invoice.total.minorUnits,
                openMinor: open, paidOn: open == 0 ? paid?.last.isoString : nil,
                settledBy: open == 0 && paid != nil ? (paid!.cashOnLast ? "cash" : "credit") : nil,
                paidLate: open == 0 && paid != nil ? (paid!.last > invoice.collectionStart(terms: .standard) ? 1 : 0) : nil,
                collectionStart: invoice.collectionStart(terms: .standard).isoString, jobId: invoice.jobID?.rawValue))
        }
        func credit(_ source: CreditSource, _ account: Account.ID, _ day: Day, _ amount: Money) -> OpenItemRecord {
            OpenItemRecord(
                kind: source.kind, refId: source.rawID, accountId: account.rawValue, currency: amount.currency.code, day: day.isoString,
                dueOn: nil, originalMinor: amount.minorUnits, openMinor: amount.minorUnits - (used[source] ?? 0))
        }
        for payment in ledger.payments { items.append(credit(.payment(payment.id), payment.accountID, payment.receivedOn, payment.amount)) }
        for memo in ledger.creditMemos { items.append(credit(.creditMemo(memo.id), memo.accountID, memo.issuedOn, memo.amount)) }
        for deposit in ledger.deposits { items.append(credit(.deposit(deposit.id), deposit.accountID, deposit.receivedOn, deposit.amount)) }
        return items
    }
}
