/// The files Rapport imports and exports; each has a fixed set of columns (see docs/import.md).
public enum ImportKind: String, CaseIterable, Sendable {
    case accounts, locations, invoices, payments, jobs, followups
    case creditMemos = "credit_memos"
    case contacts, deposits

    /// The columns, in the order `rapport export` writes them.
    public var columns: [String] {
        switch self {
        case .accounts: AccountRow.columns
        case .locations: LocationRow.columns
        case .invoices: InvoiceLineRow.columns
        case .payments: PaymentRow.columns
        case .jobs: JobRow.columns
        case .followups: FollowUpRow.columns
        case .creditMemos: CreditMemoRow.columns
        case .contacts: ContactRow.columns
        case .deposits: DepositRow.columns
        }
    }

    /// The columns a file must have.
    public var requiredColumns: [String] {
        switch self {
        case .accounts: AccountRow.required
        case .locations: LocationRow.required
        case .invoices: InvoiceLineRow.required
        case .payments: PaymentRow.required
        case .jobs: JobRow.required
        case .followups: FollowUpRow.required
        case .creditMemos: CreditMemoRow.required
        case .contacts: ContactRow.required
        case .deposits: DepositRow.required
        }
    }

    /// The column holding each row's external id.
    var idColumn: String { requiredColumns[0] }
}
