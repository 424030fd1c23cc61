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
    /// The invoice's account (copied in like its days), so breakdowns by segment or specialist
    /// read the covering indexes instead of looking up every invoice.
    var accountId: String

    static let columns = [
        "invoice_id", "payment_id", "credit_memo_id", "deposit_id", "amount_minor", "currency", "allocated_on",
        "invoice_due", "invoice_collection_start", "credit_day", "account_id",
    ]

    var sqlValues: [any SQLExpression] {
        [sqlValue(invoiceId), sqlValue(paymentId), sqlValue(creditMemoId), sqlValue(depositId), sqlValue(amountMinor),
         sqlValue(currency), sqlValue(allocatedOn), sqlValue(invoiceDue), sqlValue(invoiceCollectionStart),
         sqlValue(creditDay), sqlValue(accountId)]
    }

    /// An allocation with the invoice's due and collection-start days and account, and the credit's day.
    init(_ allocation: Allocation, invoiceDue: String, invoiceCollectionStart: String, invoiceAccount: String, creditDay: Day) {
        accountId = invoiceAccount
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
