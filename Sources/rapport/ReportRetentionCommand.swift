import ArgumentParser
import RapportCore
import RapportImport
import RapportApp

/// `rapport report retention`: accounts kept in a period (monthly billing, arrangements) and how they keep up.
struct ReportRetentionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention",
        abstract: "Accounts retained in a period: moved to monthly billing or given an arrangement, and whether they keep up.")

    @Option(help: ArgumentHelp("First day of the period.", valueName: "YYYY-MM-DD"), transform: parseDay) var from: Day
    @Option(help: ArgumentHelp("Last day of the period (included).", valueName: "YYYY-MM-DD"), transform: parseDay) var to: Day
    @Option(help: "table, json or csv.") var format: ReportFormat = .table
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if from > to { throw ValidationError("--from \(from) is after --to \(to)") }
    }

    /// One measure as JSON.
    struct RowJSON: Encodable {
        let accountId, measure, id, on, amount, currency, due, paid, state: String
    }

    /// The report as JSON.
    struct ReportJSON: Encodable {
        let from, to: String
        let accountsRetained, billingFrequencyChanges, paymentArrangements: Int
        let measures: [RowJSON]
    }

    func run() async throws {
        let period = try Period(from: from, to: to)
        let report = try await database.withApp { app in try await app.billingChanges.retention(period) }
        let rows = report.rows.map {
            RowJSON(accountId: $0.accountID.rawValue, measure: $0.measure.rawValue, id: $0.id, on: $0.on.isoString,
                    amount: $0.amount.decimalString, currency: $0.amount.currency.code, due: $0.due.decimalString,
                    paid: $0.paid.decimalString, state: $0.state.rawValue)
        }
        switch format {
        case .json:
            print(try encodeReport(ReportJSON(
                from: from.isoString, to: to.isoString, accountsRetained: report.accountsRetained,
                billingFrequencyChanges: report.count(.billingFrequencyChange), paymentArrangements: report.count(.paymentArrangement),
                measures: rows)))
        case .csv:
            print(ReportTable.retention(report).csv(), terminator: "")
        case .table:
            print("""
                \(report.accountsRetained) account\(report.accountsRetained == 1 ? "" : "s") retained \(from) – \(to): \
                \(report.count(.billingFrequencyChange)) moved to monthly billing, \(report.count(.paymentArrangement)) on an arrangement
                """)
            guard !rows.isEmpty else { return }
            print(renderTable(["account", "measure", "id", "on", "amount", "due", "paid", "state"], rows.map {
                [$0.accountId, $0.measure, $0.id, $0.on, "\($0.amount) \($0.currency)", $0.due, $0.paid, $0.state]
            }))
        }
    }
}
