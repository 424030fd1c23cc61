import ArgumentParser
import RapportCore
import RapportApp

/// `rapport report metrics`: every metric for one period, optionally per segment or specialist.
struct ReportMetricsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics", abstract: "DSO, countback DSO, best possible DSO, CEI, aging and days to pay for a period.",
        discussion: "Conventions: docs/metrics.md.")

    @Option(help: ArgumentHelp("First day of the period.", valueName: "YYYY-MM-DD"), transform: parseDay)
    var from: Day

    @Option(help: ArgumentHelp("Last day of the period (included).", valueName: "YYYY-MM-DD"), transform: parseDay)
    var to: Day

    @Option(help: "Break down by segment or specialist.")
    var by: MetricsGrouping?

    @OptionGroup var report: ReportOptions

    func validate() throws {
        if let by, by != .segment && by != .specialist { throw ValidationError("--by must be segment or specialist") }
        if from > to { throw ValidationError("--from \(from) is after --to \(to)") }
    }

    func run() async throws {
        let period = try Period(from: from, to: to)
        let result = try await report.run { reports, currency in
            try await reports.metrics(period, basis: report.basis, buckets: report.buckets, by: by, currency: currency)
        }
        let currency = result.currency
        let results = result.parts.map { (name: $0.name, metrics: $0.value) }
        switch report.format {
        case .json:
            let parameters = ["from": from.isoString, "to": to.isoString, "basis": report.basis.rawValue, "currency": currency.code]
            let envelope = by == nil
                ? ReportEnvelope(parameters: parameters, value: MetricsJSON(metrics: results[0].metrics, currency: currency), groups: nil)
                : ReportEnvelope(parameters: parameters, value: nil, groups: Dictionary(
                    uniqueKeysWithValues: results.map { ($0.name, MetricsJSON(metrics: $0.metrics, currency: currency)) }))
            print(try encodeReport(envelope))
        case .csv:
            print(ReportTable.metrics(result, grouped: by != nil).csv(), terminator: "")
        case .table:
            print("Receivables \(period) (\(period.days) days), \(currency), aged by \(report.basis.rawValue) date")
            print(MetricsText.table(result))
        }
    }
}
