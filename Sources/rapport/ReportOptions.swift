import ArgumentParser
import Foundation
import RapportCore
import RapportApp

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

    /// The `--currency` asked for, nil for "the only one invoiced".
    func chosenCurrency() throws -> Currency? {
        guard let currency else { return nil }
        do { return try Currency(currency) } catch { throw ValidationError("--currency: \(error)") }
    }

    /// Runs one report use case on the database.
    func run<Value: Sendable>(_ body: (ReportUseCases, Currency?) async throws -> Value) async throws -> Value {
        let currency = try chosenCurrency()
        return try await database.withApp { app in try await body(app.reports, currency) }
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
