import ArgumentParser
import RapportCore
import RapportImport
import RapportApp

/// `rapport report root-causes`: the Pareto of root causes of cases resolved in a period.
struct ReportRootCausesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "root-causes", abstract: "Cases resolved in a period by root cause, most frequent first (a Pareto).")

    @Option(help: ArgumentHelp("First day of the period.", valueName: "YYYY-MM-DD"), transform: parseDay) var from: Day
    @Option(help: ArgumentHelp("Last day of the period (included).", valueName: "YYYY-MM-DD"), transform: parseDay) var to: Day
    @Option(help: ArgumentHelp("Currency of the amounts on hold.", valueName: "CODE")) var currency = "USD"
    @Option(help: "table, json or csv.") var format: ReportFormat = .table
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if from > to { throw ValidationError("--from \(from) is after --to \(to)") }
    }

    /// One cause as JSON.
    struct RowJSON: Encodable {
        let code: String
        let description: String
        let department: String?
        let cases: Int
        let amountOnHold: String
        let share: Double
        let cumulativeShare: Double
    }

    /// The report as JSON.
    struct ReportJSON: Encodable {
        let from: String
        let to: String
        let resolvedCases: Int
        let rootCauses: [RowJSON]
    }

    func run() async throws {
        let code = try Currency(currency)
        let period = try Period(from: from, to: to)
        let report = try await database.withApp { app in try await app.cases.rootCauses(period, currency: code) }
        switch format {
        case .json:
            print(try encodeReport(ReportJSON(
                from: from.isoString, to: to.isoString, resolvedCases: report.resolvedCases,
                rootCauses: report.rows.map {
                    RowJSON(code: $0.code, description: $0.description, department: $0.department?.rawValue, cases: $0.cases,
                            amountOnHold: $0.amountOnHold.decimalString, share: $0.share, cumulativeShare: $0.cumulativeShare)
                })))
        case .csv:
            print(ReportTable.rootCauses(report).csv(), terminator: "")
        case .table:
            print("Root causes of \(report.resolvedCases) case\(report.resolvedCases == 1 ? "" : "s") resolved \(from) – \(to)")
            guard !report.rows.isEmpty else { return }
            print(renderTable(["code", "cases", "share %", "cumulative %", "on hold", "department", "description"], report.rows.map {
                [$0.code, String($0.cases), formatTwoDecimals($0.share), formatTwoDecimals($0.cumulativeShare),
                 $0.amountOnHold.groupedString, $0.department?.rawValue ?? "—", $0.description]
            }))
        }
    }
}
