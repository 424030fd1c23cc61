import RapportCore
import RapportImport

/// Metrics as a table for people (rounded to two decimals) or CSV for spreadsheets (unrounded).
enum MetricsText {
    static let fields = [
        "periodDays", "creditSales", "beginningAR", "endingAR", "endingCurrentAR", "dso", "dsoCountback",
        "dsoCountbackIsLowerBound", "bestPossibleDso", "averageDaysDelinquent", "cei", "percentCurrent",
        "averageDaysToPay", "weightedAverageDaysToPay", "averageDaysBeyondTerms",
    ]

    /// The values of `fields`, in order; `rounded` formats for people.
    static func values(_ metrics: ReceivableMetrics, currency: Currency, rounded: Bool) -> [String] {
        func money(_ minor: Int64) -> String {
            let amount = Money(minorUnits: minor, currency: currency)
            return rounded ? amount.groupedString : amount.decimalString
        }
        func number(_ value: Double?) -> String {
            guard let value else { return rounded ? "—" : "" }
            return rounded ? formatTwoDecimals(value) : String(value)
        }
        return [
            String(metrics.periodDays), money(metrics.creditSales), money(metrics.beginningAR), money(metrics.endingAR),
            money(metrics.endingCurrentAR), number(metrics.dso), number(metrics.dsoCountback),
            String(metrics.dsoCountbackIsLowerBound), number(metrics.bestPossibleDso),
            number(metrics.averageDaysDelinquent), number(metrics.cei), number(metrics.percentCurrent),
            number(metrics.timing.averageDaysToPay), number(metrics.timing.weightedAverageDaysToPay),
            number(metrics.timing.averageDaysBeyondTerms),
        ]
    }

    static func table(_ results: [(name: String, metrics: ReceivableMetrics)], currency: Currency) -> String {
        let labels = results[0].metrics.aging.buckets.labels
        var rows = zip(fields, 0...).map { field, index in
            [field] + results.map { values($0.metrics, currency: currency, rounded: true)[index] }
        }
        for (index, label) in labels.enumerated() {
            rows.append(["aging \(label)"] + results.map {
                Money(minorUnits: $0.metrics.aging.amounts[index], currency: currency).groupedString
            })
        }
        return renderTable(["metric"] + results.map(\.name), rows)
    }

    static func csv(_ results: [(name: String, metrics: ReceivableMetrics)], currency: Currency, grouped: Bool) -> String {
        let labels = results[0].metrics.aging.buckets.labels
        var writer = CSVWriter()
        writer.append((grouped ? ["group"] : []) + fields + labels.map { "aging \($0)" })
        for result in results {
            let aging = result.metrics.aging.amounts.map { Money(minorUnits: $0, currency: currency).decimalString }
            writer.append((grouped ? [result.name] : []) + values(result.metrics, currency: currency, rounded: false) + aging)
        }
        return writer.take()
    }
}

/// Rounds half away from zero to two decimals, for tables only.
func formatTwoDecimals(_ value: Double) -> String {
    let hundredths = (value * 100).rounded(.toNearestOrAwayFromZero)
    let negative = hundredths < 0
    let magnitude = Int64(abs(hundredths))
    let fraction = magnitude % 100
    return (negative ? "-" : "") + String(magnitude / 100) + "." + (fraction < 10 ? "0" : "") + String(fraction)
}
