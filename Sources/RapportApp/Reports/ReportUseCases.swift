import RapportCore

/// The receivables reports: metrics for a period, aging as of a day, monthly trends, productivity.
public struct ReportUseCases: Sendable {
    let env: AppEnvironment

    /// One group of a report ("all" when not grouped) and its value.
    public struct Part<Value: Sendable>: Sendable {
        public var name: String
        public var value: Value
    }

    /// A report in one currency, one part per group (sorted by name).
    public struct Report<Value: Sendable>: Sendable {
        public var currency: Currency
        public var parts: [Part<Value>]
    }

    /// Every metric for `period`, per group of `grouping` (nil: one part named "all").
    public func metrics(
        _ period: Period, basis: AgingBasis = .due, buckets: AgingBuckets = .standard, by grouping: MetricsGrouping? = nil,
        currency: Currency? = nil
    ) async throws -> Report<ReceivableMetrics> {
        let chosen = try await chooseCurrency(currency)
        let (days, open) = try await env.repositories.metrics.fetchPeriodFacts(currency: chosen, period: period, grouping: grouping ?? .none)
        func metrics(_ days: LedgerDays, _ open: ReceivableFacts) -> ReceivableMetrics {
            ReceivableMetrics(days, openAtEnd: open, period: period, basis: basis, buckets: buckets)
        }
        guard grouping != nil else { return Report(currency: chosen, parts: [Part(name: "all", value: metrics(days, open))]) }
        let daysByName = Dictionary(uniqueKeysWithValues: days.partitioned())
        let openByName = Dictionary(uniqueKeysWithValues: open.partitioned())
        return Report(currency: chosen, parts: Set(daysByName.keys).union(openByName.keys).sorted().map { name in
            Part(name: name, value: metrics(
                daysByName[name] ?? LedgerDays(currency: chosen), openByName[name] ?? ReceivableFacts(currency: chosen)))
        })
    }

    /// Open receivables by aging bucket as of `day`, per group.
    public func aging(
        asOf day: Day, basis: AgingBasis = .due, buckets: AgingBuckets = .standard, by grouping: MetricsGrouping? = nil,
        currency: Currency? = nil
    ) async throws -> Report<AgingSnapshot> {
        let chosen = try await chooseCurrency(currency)
        let facts = try await env.repositories.metrics.fetchAgingFacts(currency: chosen, asOf: day, grouping: grouping ?? .none)
        return Report(currency: chosen, parts: Self.parts(facts, grouped: grouping != nil).map {
            Part(name: $0.name, value: AgingSnapshot($0.value, asOf: day, basis: basis, buckets: buckets))
        })
    }

    /// One value of `metric` per calendar month of `range` (each month clipped to it), per group.
    public func trend(
        _ metric: TrendMetric, range: Period, basis: AgingBasis = .due, buckets: AgingBuckets = .standard,
        by grouping: MetricsGrouping? = nil, currency: Currency? = nil
    ) async throws -> Report<[TrendPoint]> {
        try TrendMetric.checkRange(range)
        if !metric.needsAging {
            let chosen = try await chooseCurrency(currency)
            let days = try await env.repositories.metrics.fetchLedgerDays(currency: chosen, period: range, grouping: grouping ?? .none)
            let parts = grouping == nil ? [(name: "all", days: days)] : days.partitioned().sorted { $0.name < $1.name }
            return Report(currency: chosen, parts: parts.map { part in
                Part(name: part.name, value: (metric.monthly(days: part.days, range: range) ?? []).map {
                    TrendPoint(month: $0.month, value: $0.value)
                })
            })
        }
        let cuts = range.calendarMonths.flatMap { [$0.from.adding(days: -1), $0.to] }
        let facts = try await loadFacts(cuts: cuts, grouping: grouping, currency: currency, paid: metric.needsPaidInvoices)
        return Report(currency: facts.currency, parts: facts.parts.map { part in
            Part(name: part.name, value: metric.monthly(part.value, range: range, basis: basis, buckets: buckets).map {
                TrendPoint(month: $0.month, value: $0.value)
            })
        })
    }

    /// Several metrics' trends over the same months, for the whole ledger: the metrics that read
    /// the aging share one load of the facts (24 cuts), the others one read of the ledger's days.
    public func trends(_ metrics: [TrendMetric], range: Period, currency: Currency? = nil) async throws -> (Currency, [TrendMetric: [TrendPoint]]) {
        let chosen = try await chooseCurrency(currency)
        var result: [TrendMetric: [TrendPoint]] = [:]
        let daily = metrics.filter { !$0.needsAging }
        if !daily.isEmpty {
            let days = try await env.repositories.metrics.fetchLedgerDays(currency: chosen, period: range, grouping: .none)
            for metric in daily {
                result[metric] = (metric.monthly(days: days, range: range) ?? []).map { TrendPoint(month: $0.month, value: $0.value) }
            }
        }
        let aged = metrics.filter(\.needsAging)
        if !aged.isEmpty {
            let cuts = range.calendarMonths.flatMap { [$0.from.adding(days: -1), $0.to] }
            let facts = try await env.repositories.metrics.fetchFacts(
                currency: chosen, cuts: cuts, grouping: .none, paid: aged.contains(where: \.needsPaidInvoices))
            for metric in aged {
                result[metric] = metric.monthly(facts, range: range).map { TrendPoint(month: $0.month, value: $0.value) }
            }
        }
        return (chosen, result)
    }

    /// What each specialist (or only `specialist`) did in `period`, money in `currency`.
    public func productivity(_ period: Period, specialist: String? = nil, currency: Currency) async throws -> [ProductivityReport] {
        let data = try await env.repositories.productivity.fetchProductivityData(period: period, currency: currency)
        return (specialist.map { [$0] } ?? data.specialists).map { name in
            ProductivityReport(
                specialist: name, period: period, currency: currency, touches: data.touches, collectionStarts: data.collectionStarts,
                cases: data.cases.filter { $0.specialist == name }.map(\.item), collected: data.collected[name] ?? .zero(currency),
                promises: data.promises.filter { $0.specialist == name }.map(\.promise), payments: data.promisePayments)
        }
    }

    /// `currency`, or the only one invoiced (USD with none); several invoiced and none chosen is refused.
    public func chooseCurrency(_ currency: Currency?) async throws -> Currency {
        if let currency { return currency }
        let invoiced = try await env.repositories.metrics.fetchCurrencies()
        if invoiced.count > 1 {
            throw AppError.invalid("invoices are in \(invoiced.map(\.code).joined(separator: ", ")): choose one with --currency")
        }
        return invoiced.first ?? .usd
    }

    /// The facts exact as of each of `cuts`, split by `grouping` (one part "all" when nil).
    private func loadFacts(
        cuts: [Day], grouping: MetricsGrouping?, currency: Currency?, paid: Bool = true
    ) async throws -> Report<ReceivableFacts> {
        let chosen = try await chooseCurrency(currency)
        let facts = try await env.repositories.metrics.fetchFacts(currency: chosen, cuts: cuts, grouping: grouping ?? .none, paid: paid)
        return Report(currency: chosen, parts: Self.parts(facts, grouped: grouping != nil))
    }

    /// One part "all", or one per group sorted by name.
    private static func parts(_ facts: ReceivableFacts, grouped: Bool) -> [Part<ReceivableFacts>] {
        guard grouped else { return [Part(name: "all", value: facts)] }
        return facts.partitioned().sorted { $0.name < $1.name }.map { Part(name: $0.name, value: $0.facts) }
    }
}

/// One month of a trend: the month (clipped to the range) and the metric's value, nil where undefined.
public struct TrendPoint: Sendable {
    public var month: Period
    public var value: Double?
}

extension AppEnvironment {
    /// Reports.
    public var reports: ReportUseCases { ReportUseCases(env: self) }
}
