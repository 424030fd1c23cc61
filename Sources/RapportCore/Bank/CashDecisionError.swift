/// Why a person's choice for a bank detail cannot be applied.
public enum CashDecisionError: Error, Equatable, Sendable, CustomStringConvertible {
    case notIncoming
    case noInvoice
    case notOpen(Invoice.ID, currency: Currency)

    public var description: String {
        switch self {
        case .notIncoming: "the detail is not incoming money"
        case .noInvoice: "no invoice chosen"
        case .notOpen(let id, let currency): "invoice \(id) is not open in \(currency)"
        }
    }
}
