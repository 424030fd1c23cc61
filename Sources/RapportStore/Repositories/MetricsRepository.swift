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
    /// The same without the paid invoices when `paid` is false (for metrics that do not read them).
    func fetchFacts(currency: Currency, cuts: [Day], grouping: MetricsGrouping, paid: Bool) async throws -> ReceivableFacts
    /// Facts that are exact for aging as of the end of `day` only — what was open on each invoice and
    /// unapplied on each credit that day, read from the open items (a few thousand rows, not the
    /// whole history) — grouped as asked; every group with an invoice in `currency` by then is named.
    func fetchAgingFacts(currency: Currency, asOf day: Day, grouping: MetricsGrouping) async throws -> ReceivableFacts
    /// The ledger's days through the end of `period` (sales, net AR, and at least the invoices paid
    /// in the period), grouped as asked: what a trend of a metric without aging needs.
    func fetchLedgerDays(currency: Currency, period: Period, grouping: MetricsGrouping) async throws -> LedgerDays
    /// What the metrics of `period` need, read from one snapshot without the period's history: the
    /// ledger's days through the period's end (sales, net AR, and at least the invoices paid in the
    /// period) and facts exact for aging as of its last day, both grouped as asked.
    func fetchPeriodFacts(currency: Currency, period: Period, grouping: MetricsGrouping) async throws -> (days: LedgerDays, openAtEnd: ReceivableFacts)
}
