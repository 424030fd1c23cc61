import ArgumentParser
import RapportCore
import RapportImport
import RapportApp

/// `rapport report aging`: open AR by aging bucket as of a day.
struct ReportAgingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aging", abstract: "Open receivables by aging bucket as of a day.")

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day.", valueName: "YYYY-MM-DD"), transform: parseDay)
    var asOf: Day

    @Option(help: "Break down by account, segment or specialist.")
    var by: MetricsGrouping?

    @OptionGroup var report: ReportOptions

    func validate() throws {
        if by == MetricsGrouping.none { throw ValidationError("--by must be account, segment or specialist") }
    }

    /// One bucket object plus the total, per group.
    struct AgingGroupJSON: Encodable {
        let aging: AgingJSON
        let total: String
    }

    func run() async throws {
        let result = try await report.run { reports, currency in
            try await reports.aging(asOf: asOf, basis: report.basis, buckets: report.buckets, by: by, currency: currency)
        }
        let currency = result.currency
        let snapshots = result.parts.map { (name: $0.name, aging: $0.value) }
        func money(_ minor: Int64) -> String { Money(minorUnits: minor, currency: currency).decimalString }
        switch report.format {
        case .json:
            let parameters = ["asOf": asOf.isoString, "basis": report.basis.rawValue, "currency": currency.code]
            let groups = snapshots.map { ($0.name, AgingGroupJSON(aging: AgingJSON(snapshot: $0.aging, currency: currency), total: money($0.aging.total))) }
            print(try encodeReport(by == nil
                ? ReportEnvelope(parameters: parameters, value: groups[0].1, groups: nil)
                : ReportEnvelope(parameters: parameters, value: nil, groups: Dictionary(uniqueKeysWithValues: groups))))
        case .csv:
            print(ReportTable.aging(result, buckets: report.buckets).csv(), terminator: "")
        case .table:
            print("Aging as of \(asOf), \(currency), by \(report.basis.rawValue) date")
            let rows = snapshots.map { snapshot in
                [snapshot.name] + (snapshot.aging.amounts + [snapshot.aging.total]).map {
                    Money(minorUnits: $0, currency: currency).groupedString
                }
            }
            print(renderTable([by?.rawValue ?? ""] + report.buckets.labels + ["total"], rows))
        }
    }
}
