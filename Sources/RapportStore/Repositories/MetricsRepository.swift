import RapportCore

/// How a report breaks the ledger down.
public enum MetricsGrouping: String, CaseIterable, Sendable {
    case none, account, segment, specialist
}

/// Reads the ledger as compact facts for Core's metrics.
public protocol MetricsRepository: Sendable {
    /// The currencies that invoices are billed in, sorted.
    func fetchCurrencies() async throws -> [Currency]
    /// Every fact in `currency` dated on or before `through`, grouped as asked.
    func fetchFacts(currency: Currency, through: Day, grouping: MetricsGrouping) async throws -> ReceivableFacts
}
