/// Why a ledger operation was refused. Carries no HTTP status or exit code: the edges map it.
public enum LedgerError: Error, Equatable, Sendable, CustomStringConvertible {
    case money(MoneyError)
    case emptyInvoice(Invoice.ID)
    case dueBeforeIssue(Invoice.ID)
    case nonPositiveAmount(String)
    case unknownInvoice(Invoice.ID)
    case accountMismatch(invoice: Invoice.ID, expected: Account.ID, found: Account.ID)
    case overAllocated(Invoice.ID, open: Money, requested: Money)
    case creditExceeded(CreditSource, open: Money, requested: Money)

    public var description: String {
        switch self {
        case .money(let error): error.description
        case .emptyInvoice(let id): "invoice \(id) has no lines"
        case .dueBeforeIssue(let id): "invoice \(id) is due before it is issued"
        case .nonPositiveAmount(let what): "\(what) must be greater than zero"
        case .unknownInvoice(let id): "unknown invoice \(id)"
        case .accountMismatch(let invoice, let expected, let found):
            "invoice \(invoice) belongs to account \(found), not \(expected)"
        case .overAllocated(let id, let open, let requested):
            "allocating \(requested.decimalString) to invoice \(id) exceeds its open \(open.decimalString)"
        case .creditExceeded(let source, let open, let requested):
            "allocating \(requested.decimalString) from \(source) exceeds its unapplied \(open.decimalString)"
        }
    }
}
