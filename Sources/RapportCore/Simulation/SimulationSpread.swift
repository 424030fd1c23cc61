/// One policy over several seeds: each metric's mean over the seeds (over those where it is
/// defined), and how far DSO spread — so that a difference between policies can be read against
/// the run-to-run variation of one policy.
public struct SimulationSpread: Sendable {
    public var policy: SimulationPolicy
    public var accounts: Int
    public var months: Int
    /// How many seeds were run.
    public var seeds: Int
    /// The first seed's measured period (every seed measures the same months).
    public var period: Period
    public var dso: Double?
    public var dsoCountback: Double?
    public var bestPossibleDso: Double?
    public var averageDaysDelinquent: Double?
    public var cei: Double?
    public var percentCurrent: Double?
    public var casesOpened: Double
    public var issuesFoundBeforeCollectionStart: Double
    public var accountsRetained: Double
    /// The lowest and highest DSO of one seed.
    public var dsoMin: Double?
    public var dsoMax: Double?
    /// The sample standard deviation of DSO over the seeds (n − 1 in the denominator; nil with
    /// fewer than two defined values).
    public var dsoSd: Double?

    /// The spread of `results`, all of one policy and at least one.
    public init(_ results: [SimulationResult]) {
        precondition(!results.isEmpty, "a spread needs at least one result")
        let first = results[0]
        policy = first.policy
        accounts = first.accounts
        months = first.months
        seeds = results.count
        period = first.period
        func mean(_ values: [Double?]) -> Double? {
            let defined = values.compactMap { $0 }
            return defined.isEmpty ? nil : defined.reduce(0, +) / Double(defined.count)
        }
        let dsos = results.compactMap(\.metrics.dso)
        dso = mean(dsos)
        dsoCountback = mean(results.map(\.metrics.dsoCountback))
        bestPossibleDso = mean(results.map(\.metrics.bestPossibleDso))
        averageDaysDelinquent = mean(results.map(\.metrics.averageDaysDelinquent))
        cei = mean(results.map(\.metrics.cei))
        percentCurrent = mean(results.map(\.metrics.percentCurrent))
        casesOpened = mean(results.map { Double($0.casesOpened) })!
        issuesFoundBeforeCollectionStart = mean(results.map { Double($0.issuesFoundBeforeCollectionStart) })!
        accountsRetained = mean(results.map { Double($0.accountsRetained) })!
        dsoMin = dsos.min()
        dsoMax = dsos.max()
        if dsos.count >= 2, let average = dso {
            let squares = dsos.reduce(0) { $0 + ($1 - average) * ($1 - average) }
            dsoSd = (squares / Double(dsos.count - 1)).squareRoot()
        } else {
            dsoSd = nil
        }
    }
}
