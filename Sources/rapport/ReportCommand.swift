import ArgumentParser

/// `rapport report`: receivables metrics, aging and trends.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Receivables reports: metrics for a period, aging as of a day, monthly trends.",
        subcommands: [
            ReportMetricsCommand.self, ReportAgingCommand.self, ReportTrendCommand.self, ReportRootCausesCommand.self,
            ReportProductivityCommand.self, ReportRetentionCommand.self,
        ])
}
