import ArgumentParser
import Foundation
import RapportCore

/// `rapport bench metrics`: generates a ledger in memory and times Core's metrics on it.
struct BenchMetricsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Time all metrics for one period on a generated in-memory ledger.",
        discussion: """
            Generates --invoices invoices over 2022–2024 (due on receipt or net 30) and --payments \
            payments (each pays one invoice in full or in part, on or after its issue day), then \
            computes every metric for --from … --to and prints the timings and the metrics as JSON. \
            With --export DIR it also writes the ledger as CSV (invoices.csv, payments.csv) and the \
            metrics (rapport.json) for Benchmarks/compare_metrics.py.
            """)

    @Option(help: "Number of invoices.") var invoices = 1_000_000
    @Option(help: "Number of payments (at most one per invoice).") var payments = 1_000_000
    @Option(help: ArgumentHelp("Period start.", valueName: "YYYY-MM-DD"), transform: parseDay)
    var from = try! Day(iso: "2024-01-01")
    @Option(help: ArgumentHelp("Period end.", valueName: "YYYY-MM-DD"), transform: parseDay)
    var to = try! Day(iso: "2024-12-31")
    @Option(help: "Random seed.") var seed: UInt64 = 42
    @Option(help: ArgumentHelp("Write the ledger and the metrics to this folder.", valueName: "DIR")) var export: String?
    @Option(help: "Timed repetitions; the fastest is reported.") var repeats = 5

    func validate() throws {
        if payments > invoices { throw ValidationError("--payments must not exceed --invoices") }
        if from > to { throw ValidationError("--from is after --to") }
    }

    func run() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let ledger = BenchLedger(invoices: invoices, payments: payments, seed: seed)
        let generated = clock.now - start
        let period = try Period(from: from, to: to)
        var best = Duration.seconds(1_000)
        var metrics: ReceivableMetrics?
        for _ in 0..<max(1, repeats) {
            let began = clock.now
            metrics = ReceivableMetrics(ledger.facts, period: period)
            best = min(best, clock.now - began)
        }
        let json = try encodeReport(ReportEnvelope(
            parameters: ["from": from.isoString, "to": to.isoString, "basis": "due", "currency": "USD"],
            value: MetricsJSON(metrics: metrics!, currency: .usd), groups: nil))
        printError("generated \(invoices) invoices and \(payments) payments in \(generated.formatted(.units(allowed: [.milliseconds])))")
        printError("all metrics for \(period): best of \(repeats) runs \(best.formatted(.units(allowed: [.microseconds])))")
        print(json)
        if let export {
            try ledger.write(to: export)
            try Data(json.utf8).write(to: URL(fileURLWithPath: export).appendingPathComponent("rapport.json"))
            let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) / 1e18
            try Data("{\"rapportSeconds\": \(seconds)}\n".utf8)
                .write(to: URL(fileURLWithPath: export).appendingPathComponent("rapport-time.json"))
            printError("wrote \(export)/invoices.csv, payments.csv, rapport.json")
        }
    }
}
