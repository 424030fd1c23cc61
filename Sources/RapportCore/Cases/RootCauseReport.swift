/// The Pareto of root causes: cases resolved in a period, by root cause, most frequent first,
/// with each cause's share and the running share (the few causes behind most problems).
public struct RootCauseReport: Hashable, Sendable {
    /// One root cause's line.
    public struct Row: Hashable, Sendable {
        public var code: String
        public var description: String
        public var department: Department?
        public var cases: Int
        /// Money the cases held up, in the report's currency.
        public var amountOnHold: Money
        /// Percent of the period's resolved cases.
        public var share: Double
        /// Percent of resolved cases up to and including this row.
        public var cumulativeShare: Double
    }

    public var period: Period
    public var rows: [Row]
    public var resolvedCases: Int

    /// Cases resolved in `period` in `currency`, grouped by their root cause.
    public init(cases: [Case], period: Period, currency: Currency = .usd, taxonomy: RootCauseTaxonomy = .standard) {
        self.period = period
        let resolved = cases.filter { item in
            guard let day = item.resolvedOn, let _ = item.rootCause else { return false }
            return day >= period.from && day <= period.to && item.amountOnHold.currency == currency
        }
        resolvedCases = resolved.count
        var rows: [Row] = Dictionary(grouping: resolved, by: { $0.rootCause! }).map { code, group in
            let cause = taxonomy.cause(code)
            return Row(
                code: code, description: cause?.description ?? code, department: cause?.department, cases: group.count,
                amountOnHold: Money(minorUnits: group.reduce(0) { $0 + $1.amountOnHold.minorUnits }, currency: currency),
                share: 0, cumulativeShare: 0)
        }
        rows.sort { ($0.cases, $0.amountOnHold.minorUnits, $1.code) > ($1.cases, $1.amountOnHold.minorUnits, $0.code) }
        var running = 0
        for index in rows.indices {
            running += rows[index].cases
            rows[index].share = Double(rows[index].cases) / Double(resolvedCases) * 100
            rows[index].cumulativeShare = Double(running) / Double(resolvedCases) * 100
        }
        self.rows = rows
    }
}
