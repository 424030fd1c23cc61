import RapportCore

/// Reads the ledger as compact facts for Core's metrics.
public protocol MetricsRepository: Sendable {
    /// The currencies that invoices are billed in, sorted.
    func fetchCurrencies() async throws -> [Currency]
    /// The facts in `currency` needed to report as of each of `cuts` (the last one is the report's
    /// end), grouped as asked. Billings and credits keep their own days; money applied is summed
    /// up to each cut (dated on the cut), and paid invoices are those paid after the first cut and
    /// on or before the last. So AR and aging are exact as of every cut day — only as of those.
    func fetchFacts(currency: Currency, cuts: [Day], grouping: MetricsGrouping) async throws -> ReceivableFacts
}
