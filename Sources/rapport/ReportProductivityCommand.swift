import ArgumentParser
import RapportCore
import RapportImport
import RapportApp

/// `rapport report productivity`: what each specialist did in a period.
struct ReportProductivityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "productivity", abstract: "Per specialist: touches, check-ins, issues found early, cases, money resolved and collected.")

    @Option(help: ArgumentHelp("First day of the period.", valueName: "YYYY-MM-DD"), transform: parseDay) var from: Day
    @Option(help: ArgumentHelp("Last day of the period (included).", valueName: "YYYY-MM-DD"), transform: parseDay) var to: Day
    @Option(help: "Only this specialist.") var specialist: String?
    @Option(help: ArgumentHelp("Currency of the money columns.", valueName: "CODE")) var currency = "USD"
    @Option(help: "table, json or csv.") var format: ReportFormat = .table
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if from > to { throw ValidationError("--from \(from) is after --to \(to)") }
    }

    /// One specialist as JSON.
    struct RowJSON: Encodable {
        let report: ProductivityReport

        enum Keys: String, CodingKey {
            case specialist, touches, touchesByChannel, touchesByOutcome, checkIns, issuesFoundBeforeCollectionStart,
                 casesOpened, casesResolved, medianDaysToResolve, moneyResolved, moneyCollected, promisesKeptPercent
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(report.specialist, forKey: .specialist)
            try container.encode(report.touches, forKey: .touches)
            try container.encode(Dictionary(uniqueKeysWithValues: report.touchesByChannel.map { ($0.key.rawValue, $0.value) }), forKey: .touchesByChannel)
            try container.encode(Dictionary(uniqueKeysWithValues: report.touchesByOutcome.map { ($0.key.rawValue, $0.value) }), forKey: .touchesByOutcome)
            try container.encode(report.checkIns, forKey: .checkIns)
            try container.encode(report.issuesFoundBeforeCollectionStart, forKey: .issuesFoundBeforeCollectionStart)
            try container.encode(report.casesOpened, forKey: .casesOpened)
            try container.encode(report.casesResolved, forKey: .casesResolved)
            try container.encode(report.medianDaysToResolve, forKey: .medianDaysToResolve)
            try container.encode(report.moneyResolved.decimalString, forKey: .moneyResolved)
            try container.encode(report.moneyCollected.decimalString, forKey: .moneyCollected)
            try container.encode(report.promisesKeptPercent, forKey: .promisesKeptPercent)
        }
    }

    /// The report as JSON.
    struct ReportJSON: Encodable {
        let from: String
        let to: String
        let specialists: [RowJSON]
    }

    func run() async throws {
        let period = try Period(from: from, to: to)
        let code = try Currency(currency)
        let reports = try await database.withApp { app in
            try await app.reports.productivity(period, specialist: specialist, currency: code)
        }
        switch format {
        case .json:
            print(try encodeReport(ReportJSON(from: from.isoString, to: to.isoString, specialists: reports.map(RowJSON.init))))
        case .csv:
            print(ReportTable.productivity(reports).csv(), terminator: "")
        case .table:
            let table = ReportTable.productivity(reports)
            print("Productivity \(period)")
            print(renderTable(table.columns, table.shownRows))
        }
    }
}
