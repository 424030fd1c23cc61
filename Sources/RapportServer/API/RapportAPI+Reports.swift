import RapportApp
import RapportCore

/// The reports, with exactly the fields of `rapport report … --format json`: the parameters, then
/// the values or `groups` of them keyed by group name (a test compares the two).
extension RapportAPI {
    func getMetrics(_ input: Operations.GetMetrics.Input) async throws -> Operations.GetMetrics.Output {
        try APICaller.require(.reports)
        let query = input.query
        let period = try Self.period(from: query.from, to: query.to)
        let basis: AgingBasis = try query.basis.map { try Self.core($0) } ?? .due
        let grouping: MetricsGrouping? = try query.by.map { try Self.core($0) }
        let report = try await app.reports.metrics(period, basis: basis, by: grouping, currency: try Self.currency(query.currency))
        let currency = report.currency
        var json = Components.Schemas.MetricsReport(
            from: period.from.isoString, to: period.to.isoString, basis: try APIRendering.choice(basis), currency: currency.code)
        if grouping == nil {
            Self.fill(&json, report.parts[0].value, currency)
        } else {
            json.groups = .init(additionalProperties: Dictionary(uniqueKeysWithValues: report.parts.map { part in
                var values = Components.Schemas.MetricsReport()
                Self.fill(&values, part.value, currency)
                return (part.name, values)
            }))
        }
        return .ok(.init(body: .json(json)))
    }

    func getAging(_ input: Operations.GetAging.Input) async throws -> Operations.GetAging.Output {
        try APICaller.require(.reports)
        let query = input.query
        let day = try Self.day(query.asOf, field: "as_of")
        let basis: AgingBasis = try query.basis.map { try Self.core($0) } ?? .due
        let grouping: MetricsGrouping? = try query.by.map { try Self.core($0) }
        let report = try await app.reports.aging(asOf: day, basis: basis, by: grouping, currency: try Self.currency(query.currency))
        let currency = report.currency
        func values(_ snapshot: AgingSnapshot) -> Components.Schemas.AgingReport {
            Components.Schemas.AgingReport(aging: .init(additionalProperties: Self.buckets(snapshot, currency)),
                                           total: Money(minorUnits: snapshot.total, currency: currency).decimalString)
        }
        var json = grouping == nil ? values(report.parts[0].value) : Components.Schemas.AgingReport()
        json.asOf = day.isoString
        json.basis = try APIRendering.choice(basis)
        json.currency = currency.code
        if grouping != nil {
            json.groups = .init(additionalProperties: Dictionary(uniqueKeysWithValues: report.parts.map { ($0.name, values($0.value)) }))
        }
        return .ok(.init(body: .json(json)))
    }

    func getTrend(_ input: Operations.GetTrend.Input) async throws -> Operations.GetTrend.Output {
        try APICaller.require(.reports)
        let query = input.query
        let range = try Self.period(from: query.from, to: query.to)
        let metric: TrendMetric = try Self.core(query.metric)
        let basis: AgingBasis = try query.basis.map { try Self.core($0) } ?? .due
        let grouping: MetricsGrouping? = try query.by.map { try Self.core($0) }
        let report = try await app.reports.trend(metric, range: range, basis: basis, by: grouping, currency: try Self.currency(query.currency))
        func months(_ points: [TrendPoint]) -> Components.Schemas.TrendReport.MonthsPayload {
            points.map { point in
                .init(month: String(point.month.from.isoString.prefix(7)), from: point.month.from.isoString, to: point.month.to.isoString,
                      value: point.value)
            }
        }
        var json = Components.Schemas.TrendReport(
            metric: query.metric, from: range.from.isoString, to: range.to.isoString, basis: try APIRendering.choice(basis))
        if grouping == nil {
            json.months = months(report.parts[0].value)
        } else {
            json.groups = .init(additionalProperties: Dictionary(uniqueKeysWithValues: report.parts.map { part in
                (part.name, Components.Schemas.TrendReport(months: months(part.value)))
            }))
        }
        return .ok(.init(body: .json(json)))
    }

    /// A report's period from the query, refused as 400 when a day does not parse or `from` is after `to`.
    static func period(from: String, to: String) throws -> Period {
        let first = try day(from, field: "from")
        let last = try day(to, field: "to")
        guard first <= last else { throw APIProblem.badRequest("from \(first) is after to \(last).", field: "from") }
        return try Period(from: first, to: last)
    }

    /// The `currency` asked for, nil for the only one invoiced.
    static func currency(_ code: String?) throws -> Currency? {
        guard let code else { return nil }
        do { return try Currency(code) } catch { throw APIProblem.badRequest("currency: \(error)", field: "currency") }
    }

    /// The aging buckets by label, as decimal strings.
    static func buckets(_ snapshot: AgingSnapshot, _ currency: Currency) -> [String: String] {
        Dictionary(uniqueKeysWithValues: zip(snapshot.buckets.labels, snapshot.amounts).map { label, amount in
            (label, Money(minorUnits: amount, currency: currency).decimalString)
        })
    }

    /// The period's values of `rapport report metrics --format json` (undefined ones left out).
    static func fill(_ json: inout Components.Schemas.MetricsReport, _ metrics: ReceivableMetrics, _ currency: Currency) {
        func money(_ minor: Int64) -> String { Money(minorUnits: minor, currency: currency).decimalString }
        json.periodDays = metrics.periodDays
        json.creditSales = money(metrics.creditSales)
        json.beginningAR = money(metrics.beginningAR)
        json.endingAR = money(metrics.endingAR)
        json.endingCurrentAR = money(metrics.endingCurrentAR)
        json.dso = metrics.dso
        json.dsoCountback = metrics.dsoCountback
        json.dsoCountbackIsLowerBound = metrics.dsoCountbackIsLowerBound
        json.bestPossibleDso = metrics.bestPossibleDso
        json.averageDaysDelinquent = metrics.averageDaysDelinquent
        json.cei = metrics.cei
        json.percentCurrent = metrics.percentCurrent
        json.averageDaysToPay = metrics.timing.averageDaysToPay
        json.weightedAverageDaysToPay = metrics.timing.weightedAverageDaysToPay
        json.averageDaysBeyondTerms = metrics.timing.averageDaysBeyondTerms
        json.aging = .init(additionalProperties: buckets(metrics.aging, currency))
    }
}
