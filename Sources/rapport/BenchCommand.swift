import ArgumentParser

/// `rapport bench`: benchmarks that are run by hand and recorded in docs/performance.md.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Benchmarks (see docs/performance.md).",
        subcommands: [BenchMetricsCommand.self, BenchQueueCommand.self, BenchAppCommand.self, BenchCashCommand.self])
}
