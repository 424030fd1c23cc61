import RapportCore
import SQLKit

/// A row of `billing_changes`, from a `BillingChange`.
struct BillingChangeRecord: BulkRow {
    var change: BillingChange

    static let columns = ["id", "account_id", "invoice_id", "effective_on", "recorded_on", "amount_minor", "currency", "credit_memo_id"]

    var sqlValues: [any SQLExpression] {
        [sqlValue(change.id.rawValue), sqlValue(change.accountID.rawValue), sqlValue(change.invoiceID.rawValue),
         sqlValue(change.effectiveOn.isoString), sqlValue(change.recordedOn.isoString), sqlValue(change.amount.minorUnits),
         sqlValue(change.amount.currency.code), sqlValue(change.creditMemoID.rawValue)]
    }

    /// Its monthly invoices as rows of `billing_change_invoices`, in order.
    var invoiceRows: [BillingChangeInvoiceRecord] {
        change.invoiceIDs.enumerated().map { BillingChangeInvoiceRecord(changeID: change.id, seq: $0.offset + 1, invoiceID: $0.element) }
    }
}

/// A row of `billing_change_invoices`.
struct BillingChangeInvoiceRecord: BulkRow {
    var changeID: BillingChange.ID
    var seq: Int
    var invoiceID: Invoice.ID

    static let columns = ["billing_change_id", "seq", "invoice_id"]

    var sqlValues: [any SQLExpression] { [sqlValue(changeID.rawValue), sqlValue(seq), sqlValue(invoiceID.rawValue)] }
}
