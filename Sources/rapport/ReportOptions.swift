import ArgumentParser
import Foundation
import RapportCore
import RapportStore

extension AgingBasis: ExpressibleByArgument {}
extension MetricsGrouping: ExpressibleByArgument {}
extension TrendMetric: ExpressibleByArgument {}

/// How a report is printed: a table for people, JSON or CSV for programs.
enum ReportFormat: String, CaseIterable, ExpressibleByArgument {
    case table, json, csv
}

/// The options every `rapport report` command shares.
struct ReportOptions: ParsableArguments {
    @Option(help: "Age by the stated due date (due) or by the collection start (collection).")
    var basis: AgingBasis = .due

    @Option(help: ArgumentHelp("The currency to report (default: the only one invoiced).", valueName: "CODE"))
    var currency: String?

    @Option(help: "table, json or csv.")
    var format: ReportFormat = .table

    @Option(
        help: ArgumentHelp("Aging bucket limits in days, ascending (default 30,60,90: current, 1-30, 31-60, 61-90, 91+).",
                           valueName: "N,N,…"),
        transform: parseBuckets)
    var buckets: AgingBuckets = .standard

    @OptionGroup var database: DatabaseOptions

    /// Loads the facts exact as of each of `cuts`, split by `grouping` (one part when nil).
    func loadFacts(cuts: [Day], grouping: MetricsGrouping?) async throws -> (Currency, [(name: String, facts: ReceivableFacts)]) {
        try await database.withDatabase { db, _ in
            let repository = FluentMetricsRepository(db)
            let currency = try await resolveCurrency(repository)
            let facts = try await repository.fetchFacts(currency: currency, cuts: cuts, grouping: grouping ?? .none)
            guard grouping != nil else { return (currency, [("all", facts)]) }
            return (currency, facts.partitioned().sorted { $0.name < $1.name })
        }
    }

    private func resolveCurrency(_ repository: FluentMetricsRepository) async throws -> Currency {
        if let currency {
            do { return try Currency(currency) } catch { throw ValidationError("--currency: \(error)") }
        }
        let invoiced = try await repository.fetchCurrencies()
        if invoiced.count > 1 {
            throw UserError("invoices are in \(invoiced.map(\.code).joined(separator: ", ")): choose one with --currency")
        }
        return invoiced.first ?? .usd
    }
}

/// Parses "15,45,90" into aging buckets.
func parseBuckets(_ text: String) throws -> AgingBuckets {
    let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    let limits = try parts.map { part -> Int in
        guard let value = Int(part) else { throw ValidationError("not a number of days: \"\(part)\"") }
        return value
    }
    return try AgingBuckets(limits: limits)
}

/// Parses a `YYYY-MM-DD` option value, naming the option when it does not parse.
func parseDay(_ text: String) throws -> Day {
    try Day(iso: text)
}
