import RapportCore

/// The table of each report, built once for the CLI and the web pages.
extension ReportTable {
    /// The metric names, in the order of the metrics table's columns.
    public static let metricFields = [
        "periodDays", "creditSales", "beginningAR", "endingAR", "endingCurrentAR", "dso", "dsoCountback",
        "dsoCountbackIsLowerBound", "bestPossibleDso", "averageDaysDelinquent", "cei", "percentCurrent",
        "averageDaysToPay", "weightedAverageDaysToPay", "averageDaysBeyondTerms",
    ]

    /// One metric per column, one group per row ("group" column only when grouped), then the aging buckets.
    public static func metrics(_ report: ReportUseCases.Report<ReceivableMetrics>, grouped: Bool) -> ReportTable {
        let currency = report.currency
        let labels = report.parts.first?.value.aging.buckets.labels ?? AgingBuckets.standard.labels
        return ReportTable(
            columns: (grouped ? ["group"] : []) + metricFields + labels.map { "aging \($0)" },
            rows: report.parts.map { part in
                let metrics = part.value
                let values: [Cell] = [
                    Cell(String(metrics.periodDays)), .money(metrics.creditSales, currency), .money(metrics.beginningAR, currency),
                    .money(metrics.endingAR, currency), .money(metrics.endingCurrentAR, currency), .number(metrics.dso),
                    .number(metrics.dsoCountback), Cell(String(metrics.dsoCountbackIsLowerBound)), .number(metrics.bestPossibleDso),
                    .number(metrics.averageDaysDelinquent), .number(metrics.cei), .number(metrics.percentCurrent),
                    .number(metrics.timing.averageDaysToPay), .number(metrics.timing.weightedAverageDaysToPay),
                    .number(metrics.timing.averageDaysBeyondTerms),
                ]
                return (grouped ? [Cell(part.name)] : []) + values + metrics.aging.amounts.map { .money($0, currency) }
            })
    }

    /// One row per group: each bucket's amount and the total.
    public static func aging(_ report: ReportUseCases.Report<AgingSnapshot>, buckets: AgingBuckets) -> ReportTable {
        ReportTable(columns: ["group"] + buckets.labels + ["total"], rows: report.parts.map { part in
            [Cell(part.name)] + (part.value.amounts + [part.value.total]).map { .money($0, report.currency) }
        })
    }

    /// One row per group and month.
    public static func trend(_ report: ReportUseCases.Report<[TrendPoint]>, metric: TrendMetric) -> ReportTable {
        ReportTable(columns: ["group", "month", "from", "to", metric.rawValue], rows: report.parts.flatMap { part in
            part.value.map { point in
                [Cell(part.name), Cell(String(point.month.from.isoString.prefix(7))), Cell(point.month.from.isoString),
                 Cell(point.month.to.isoString), .number(point.value)]
            }
        })
    }

    /// One row per root cause, most frequent first.
    public static func rootCauses(_ report: RootCauseReport) -> ReportTable {
        ReportTable(
            columns: ["code", "description", "department", "cases", "amountOnHold", "share", "cumulativeShare"],
            rows: report.rows.map { row in
                [Cell(row.code), Cell(row.description), Cell(exact: row.department?.rawValue ?? "", shown: row.department?.rawValue ?? "—"),
                 Cell(String(row.cases)), .money(row.amountOnHold), .number(row.share), .number(row.cumulativeShare)]
            })
    }

    /// One row per specialist.
    public static func productivity(_ reports: [ProductivityReport]) -> ReportTable {
        ReportTable(
            columns: ["specialist", "touches", "checkIns", "issuesFoundBeforeCollectionStart", "casesOpened", "casesResolved",
                      "medianDaysToResolve", "moneyResolved", "moneyCollected", "promisesKeptPercent"],
            rows: reports.map { report in
                [Cell(report.specialist), Cell(String(report.touches)), Cell(String(report.checkIns)),
                 Cell(String(report.issuesFoundBeforeCollectionStart)), Cell(String(report.casesOpened)),
                 Cell(String(report.casesResolved)), .number(report.medianDaysToResolve), .money(report.moneyResolved),
                 .money(report.moneyCollected), .number(report.promisesKeptPercent)]
            })
    }

    /// One row per retention measure (billing-frequency change or arrangement).
    public static func retention(_ report: RetentionReport) -> ReportTable {
        ReportTable(
            columns: ["accountId", "measure", "id", "on", "amount", "currency", "due", "paid", "state"],
            rows: report.rows.map { row in
                [Cell(row.accountID.rawValue), Cell(row.measure.rawValue), Cell(row.id), Cell(row.on.isoString), .money(row.amount),
                 Cell(row.amount.currency.code), .money(row.due), .money(row.paid), Cell(row.state.rawValue)]
            })
    }
}
