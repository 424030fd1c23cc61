import RapportCore
import RapportApp

/// The metrics report as a table for people: one row per metric, one column per group.
enum MetricsText {
    static func table(_ report: ReportUseCases.Report<ReceivableMetrics>) -> String {
        let table = ReportTable.metrics(report, grouped: false)
        let rows = table.columns.indices.map { column in [table.columns[column]] + table.rows.map { $0[column].shown } }
        return renderTable(["metric"] + report.parts.map(\.name), rows)
    }
}
