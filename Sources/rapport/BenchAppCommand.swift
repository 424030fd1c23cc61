import ArgumentParser
import Foundation
import RapportApp

/// `rapport bench app`: times the use cases a page calls, in process, on a database (docs/performance.md).
struct BenchAppCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "app", abstract: "Time the queue, the account page and the reports in process on a database.",
        discussion: """
            Runs each step --repeats times on the database and prints the fastest and the median run, then the \
            process's peak memory. Steps: \(AppBenchmark.steps.joined(separator: ", ")); the day is the ledger's \
            last invoice day, the year and the 36-month trend end on it, the account page is the key account \
            with the most child accounts. Build the database with: rapport demo --accounts 20000 --no-serve --db FILE
            """)

    @Option(help: ArgumentHelp("Only these steps (comma-separated; default all).", valueName: "STEP,…"))
    var only: String?
    @Option(help: "Timed runs of each step.") var repeats = 5
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if repeats < 1 { throw ValidationError("--repeats must be at least 1") }
        let unknown = steps.subtracting(AppBenchmark.steps)
        if !unknown.isEmpty { throw ValidationError("unknown step \(unknown.sorted().joined(separator: ", ")); steps: \(AppBenchmark.steps.joined(separator: ", "))") }
    }

    var steps: Set<String> { Set((only ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }) }

    func run() async throws {
        let format = Duration.UnitsFormatStyle(allowedUnits: [.milliseconds], width: .abbreviated, fractionalPart: .show(length: 1))
        _ = try await database.withApp { app in
            try await app.benchmark.run(only: steps, repeats: repeats) { step in
                print("\(step.name): best \(step.best.formatted(format)), median \(step.median.formatted(format)) — \(step.detail)")
            }
        }
        print("peak memory: \(PeakMemory.mebibytes()) MiB")
    }
}

/// The process's peak resident set size.
enum PeakMemory {
    static func mebibytes() -> Int {
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        return Int(usage.ru_maxrss) / 1024
    }
}
