import RapportCore
import SQLKit

/// A row of `allocations`; exactly one of the three source ids is set.
struct AllocationRecord: BulkRow {
    var invoiceId: String
    var paymentId: String?
    var creditMemoId: String?
    var depositId: String?
    var amountMinor: Int64
    var currency: String
    var allocatedOn: String
    /// Copied from the invoice and the credit (they never change), for metrics without joins.
    var invoiceDue: String
    var invoiceCollectionStart: String
    var creditDay: String

    static let columns = [
        "invoice_id", "payment_id", "credit_memo_id", "deposit_id", "amount_minor", "currency", "allocated_on",
        "invoice_due", "invoice_collection_start", "credit_day",
    ]

    var sqlValues: [any SQLExpression] {
        [sqlValue(invoiceId), sqlValue(paymentId), sqlValue(creditMemoId), sqlValue(depositId), sqlValue(amountMinor),
         sqlValue(currency), sqlValue(allocatedOn), sqlValue(invoiceDue), sqlValue(invoiceCollectionStart),
         sqlValue(creditDay)]
    }

    /// An allocation with the invoice's due and collection-start days and the credit's day.
    init(_ allocation: Allocation, invoiceDue: String, invoiceCollectionStart: String, creditDay: Day) {
        self.invoiceDue = invoiceDue
        self.invoiceCollectionStart = invoiceCollectionStart
        self.creditDay = creditDay.isoString
        invoiceId = allocation.invoiceID.rawValue
        switch allocation.source {
        case .payment(let id): paymentId = id.rawValue
        case .creditMemo(let id): creditMemoId = id.rawValue
        case .deposit(let id): depositId = id.rawValue
        }
        amountMinor = allocation.amount.minorUnits
        currency = allocation.amount.currency.code
        allocatedOn = allocation.allocatedOn.isoString
    }
}
