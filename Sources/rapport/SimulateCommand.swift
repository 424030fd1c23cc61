import ArgumentParser
import Foundation
import RapportApp
import RapportCore

/// Which policies `rapport simulate` runs.
enum SimulatePolicyChoice: String, CaseIterable, ExpressibleByArgument {
    case traditional
    case clientRelations = "client-relations"
    case both

    var policies: [SimulationPolicy] {
        switch self {
        case .traditional: [.traditional]
        case .clientRelations: [.clientRelations]
        case .both: [.traditional, .clientRelations]
        }
    }
}

/// `rapport simulate`: the synthetic company under the traditional and client-relations policies.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate the synthetic company under a policy and report its receivables metrics.",
        discussion: """
            Plays the company day by day through Core's playbook, queue, cases and routing, and measures the last \
            12 simulated months with the same metric code as real data. Mechanisms and parameters: docs/simulator.md.
            """)

    @Option(help: "Active accounts at the start.") var accounts = 20_000
    @Option(help: "Months to simulate (metrics over the last 12).") var months = 24
    @Option(help: "traditional, client-relations or both.") var policy: SimulatePolicyChoice = .both
    @Option(help: "Random seed: the same seed gives the same company and the same numbers.") var seed: UInt64 = 1
    @Option(help: ArgumentHelp(
        "Run seeds SEED … SEED+N−1 (in parallel on the cores) and report each metric's mean and DSO's spread.",
        valueName: "N")) var seeds: Int?
    @Option(help: "Client-relations specialists.") var specialists = 4
    @Option(name: .customLong("checkin-days"), help: "Days after billed-off for the check-in call.") var checkinDays = 8
    @Option(name: .customLong("problem-rate-scale"), help: "Multiply every problem rate (1 = as documented).")
    var problemRateScale = 1.0
    @Option(help: ArgumentHelp("Every other assumption, as JSON (see --export-parameters); the flags above still apply.",
                               valueName: "FILE")) var parameters: String?
    @Flag(name: .customLong("export-parameters"), help: "Print the parameters as JSON (to edit and pass to --parameters) and stop.")
    var exportParameters = false
    @Option(help: "table or json.") var format: OutputFormat = .table

    func validate() throws {
        if accounts < 1 || accounts > 1_000_000 { throw ValidationError("--accounts must be between 1 and 1,000,000") }
        if months < 1 || months > 120 { throw ValidationError("--months must be between 1 and 120") }
        if specialists < 1 || specialists > 100 { throw ValidationError("--specialists must be between 1 and 100") }
        if checkinDays < 0 || checkinDays > 90 { throw ValidationError("--checkin-days must be between 0 and 90") }
        if !(0...10).contains(problemRateScale) { throw ValidationError("--problem-rate-scale must be between 0 and 10") }
        if let seeds, seeds < 1 || seeds > 1_000 { throw ValidationError("--seeds must be between 1 and 1,000") }
    }

    /// The file's parameters (or the documented defaults) with the flags applied.
    func resolvedParameters() throws -> SimulationParameters {
        var parameters = SimulationParameters()
        if let path = self.parameters {
            guard let data = FileManager.default.contents(atPath: path) else { throw UserError("\(path): cannot read") }
            do {
                parameters = try JSONDecoder().decode(SimulationParameters.self, from: data)
            } catch let error as DecodingError {
                throw UserError("\(path): \(describe(error))")
            }
        }
        parameters.problemRateScale = problemRateScale
        parameters.accounts = accounts
        parameters.months = months
        parameters.seed = seed
        parameters.specialists = specialists
        parameters.checkInDays = checkinDays
        return parameters
    }

    func run() async throws {
        let parameters = try resolvedParameters()
        if exportParameters {
            print(try encodeReport(parameters))
            return
        }
        if let seeds {
            try await runSeeds(seeds, parameters)
            return
        }
        let simulator = Simulator(parameters)
        let results = await withTaskGroup(of: (Int, SimulationResult).self) { group in
            for (index, policy) in policy.policies.enumerated() {
                group.addTask { (index, simulator.run(policy)) }
            }
            var results: [(Int, SimulationResult)] = []
            for await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
        switch format {
        case .json:
            let items = results.map(SimulationJSON.init)
            print(try items.count == 1 ? encodeReport(items[0]) : encodeReport(items))
        case .table:
            print("\(accounts) accounts, \(months) months, seed \(seed), \(specialists) specialists, check-in \(checkinDays) days after billed-off")
            print("metrics over \(results[0].period)")
            print(renderTable(["policy", "DSO", "countback", "best possible", "ADD", "CEI %", "current %", "cases", "found early", "retained"],
                              results.map(Self.row)))
        }
    }

    /// Every policy for `count` seeds from `--seed` on, each run a task (the runtime runs as many at
    /// once as there are cores), with a progress line per run on standard error.
    private func runSeeds(_ count: Int, _ parameters: SimulationParameters) async throws {
        let policies = policy.policies
        let total = count * policies.count
        let results = await withTaskGroup(of: (Int, Int, SimulationResult).self) { group in
            for offset in 0..<count {
                var seeded = parameters
                seeded.seed = parameters.seed &+ UInt64(offset)
                let simulator = Simulator(seeded)
                for (index, policy) in policies.enumerated() { group.addTask { (index, offset, simulator.run(policy)) } }
            }
            var results: [(Int, Int, SimulationResult)] = []
            for await result in group {
                results.append(result)
                printError("simulate: \(results.count)/\(total) runs done (seed \(parameters.seed &+ UInt64(result.1)), \(result.2.policy.rawValue))")
            }
            return results
        }
        let spreads = policies.indices.map { index in
            SimulationSpread(results.filter { $0.0 == index }.sorted { $0.1 < $1.1 }.map(\.2))
        }
        switch format {
        case .json:
            let items = spreads.map(SimulationSpreadJSON.init)
            print(try items.count == 1 ? encodeReport(items[0]) : encodeReport(items))
        case .table:
            let last = parameters.seed &+ UInt64(count - 1)
            print("\(accounts) accounts, \(months) months, seeds \(parameters.seed)–\(last) (\(count)), \(specialists) specialists, check-in \(checkinDays) days after billed-off")
            print("metrics over \(spreads[0].period), mean over the seeds")
            print(renderTable(["policy", "DSO", "DSO sd", "DSO min–max", "countback", "best possible", "ADD", "CEI %", "current %", "cases", "found early", "retained"],
                              spreads.map(Self.row)))
        }
    }

    /// A spread as a table row, rounded for reading.
    static func row(_ spread: SimulationSpread) -> [String] {
        func number(_ value: Double?) -> String { value.map(formatTwoDecimals) ?? "—" }
        let range = spread.dsoMin.flatMap { low in spread.dsoMax.map { "\(formatTwoDecimals(low))–\(formatTwoDecimals($0))" } } ?? "—"
        return [spread.policy.rawValue, number(spread.dso), number(spread.dsoSd), range, number(spread.dsoCountback),
                number(spread.bestPossibleDso), number(spread.averageDaysDelinquent), number(spread.cei), number(spread.percentCurrent),
                String(format: "%.1f", spread.casesOpened), String(format: "%.1f", spread.issuesFoundBeforeCollectionStart),
                String(format: "%.1f", spread.accountsRetained)]
    }

    /// A result as a table row, rounded for reading.
    static func row(_ result: SimulationResult) -> [String] {
        func number(_ value: Double?) -> String { value.map(formatTwoDecimals) ?? "—" }
        return [result.policy.rawValue, number(result.metrics.dso), number(result.metrics.dsoCountback),
                number(result.metrics.bestPossibleDso), number(result.metrics.averageDaysDelinquent), number(result.metrics.cei),
                number(result.metrics.percentCurrent), String(result.casesOpened), String(result.issuesFoundBeforeCollectionStart),
                String(result.accountsRetained)]
    }
}

/// A JSON decoding error in words: the key path and what was wrong.
func describe(_ error: DecodingError) -> String {
    func path(_ context: DecodingError.Context) -> String {
        let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        return keys.isEmpty ? "" : "\(keys): "
    }
    switch error {
    case .keyNotFound(let key, let context): return "\(path(context))missing key \(key.stringValue)"
    case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
        return "\(path(context))\(context.debugDescription)"
    @unknown default: return "\(error)"
    }
}
