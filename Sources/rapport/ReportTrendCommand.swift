import ArgumentParser
import RapportCore
import RapportImport
import RapportApp

/// `rapport report trend`: one metric per calendar month.
struct ReportTrendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend", abstract: "One metric per calendar month over a range (each month clipped to it).")

    @Option(help: "dso, dsoCountback, cei, percentCurrent, bestPossibleDso, averageDaysDelinquent, averageDaysToPay, weightedAverageDaysToPay or averageDaysBeyondTerms.")
    var metric: TrendMetric

    @Option(help: ArgumentHelp("First day of the range.", valueName: "YYYY-MM-DD"), transform: parseDay)
    var from: Day

    @Option(help: ArgumentHelp("Last day of the range (included).", valueName: "YYYY-MM-DD"), transform: parseDay)
    var to: Day

    @Option(help: "Break down by account, segment or specialist.")
    var by: MetricsGrouping?

    @OptionGroup var report: ReportOptions

    func validate() throws {
        if by == MetricsGrouping.none { throw ValidationError("--by must be account, segment or specialist") }
        if from > to { throw ValidationError("--from \(from) is after --to \(to)") }
    }

    /// One month of the trend.
    struct Point: Encodable {
        let month: String
        let from: String
        let to: String
        let value: Double?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(month, forKey: .month)
            try container.encode(from, forKey: .from)
            try container.encode(to, forKey: .to)
            try container.encode(value, forKey: .value)
        }

        enum CodingKeys: String, CodingKey { case month, from, to, value }
    }

    /// A whole series under "months".
    struct Series: Encodable { let months: [Point] }

    func run() async throws {
        let range = try Period(from: from, to: to)
        let result = try await report.run { reports, currency in
            try await reports.trend(metric, range: range, basis: report.basis, buckets: report.buckets, by: by, currency: currency)
        }
        let series = result.parts.map { part in
            (name: part.name, points: part.value.map {
                Point(month: String($0.month.from.isoString.prefix(7)), from: $0.month.from.isoString,
                      to: $0.month.to.isoString, value: $0.value)
            })
        }
        switch report.format {
        case .json:
            let parameters = ["metric": metric.rawValue, "from": from.isoString, "to": to.isoString, "basis": report.basis.rawValue]
            print(try encodeReport(by == nil
                ? ReportEnvelope(parameters: parameters, value: Series(months: series[0].points), groups: nil)
                : ReportEnvelope(parameters: parameters, value: nil, groups: Dictionary(
                    uniqueKeysWithValues: series.map { ($0.name, Series(months: $0.points)) }))))
        case .csv:
            print(ReportTable.trend(result, metric: metric).csv(), terminator: "")
        case .table:
            let months = series[0].points.map(\.month)
            let rows = months.indices.map { index in
                [months[index]] + series.map { $0.points[index].value.map(formatTwoDecimals) ?? "—" }
            }
            print(renderTable(["month"] + series.map { by == nil ? metric.rawValue : $0.name }, rows))
        }
    }
}
