/// Runs the synthetic company under a policy (or a schedule of policies) and measures it.
public struct Simulator: Sendable {
    public var parameters: SimulationParameters

    public init(_ parameters: SimulationParameters) { self.parameters = parameters }

    /// The ledger of a run under `policy` from start to end.
    public func ledger(policy: SimulationPolicy, progress: (Day) -> Void = { _ in }) -> SimulatedLedger {
        ledger(schedule: [(parameters.start, policy)], progress: progress)
    }

    /// The ledger of a run where each policy takes over on its day (the demo: traditional, then
    /// client-relations).
    public func ledger(schedule: [(from: Day, policy: SimulationPolicy)], progress: (Day) -> Void = { _ in }) -> SimulatedLedger {
        var engine = SimulationEngine(parameters: parameters, schedule: schedule)
        return engine.run(progress: progress)
    }

    /// Runs `policy` and measures the last 12 months.
    public func run(_ policy: SimulationPolicy) -> SimulationResult {
        SimulationResult(policy: policy, parameters: parameters, ledger: ledger(policy: policy))
    }
}
