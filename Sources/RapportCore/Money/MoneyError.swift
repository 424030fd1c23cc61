/// Why a money value could not be made or combined.
public enum MoneyError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidCurrency(String)
    case currencyMismatch(Currency, Currency)
    case overflow
    case invalidAmount(String, reason: String)

    public var description: String {
        switch self {
        case .invalidCurrency(let code): "not an ISO 4217 currency code: \"\(code)\""
        case .currencyMismatch(let a, let b): "currency mismatch: \(a) and \(b)"
        case .overflow: "amount out of range"
        case .invalidAmount(let text, let reason): "not an amount: \"\(text)\" (\(reason))"
        }
    }
}
