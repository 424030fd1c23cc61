import ArgumentParser
import Foundation
import RapportCore
import RapportApp

/// `rapport demo`: builds a company like the case study's — 36 months, the first 18 under the
/// traditional policy and the rest under client relations — writes it to a database and serves it.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build the demo company (36 months: traditional, then client relations) and serve it.",
        discussion: """
            Simulates the synthetic company (docs/simulator.md) month by month, writes every account, invoice, payment, \
            case and touch to --db (an existing SQLite file is replaced), adds demo users, prints the DSO before and \
            after the switch, then runs `rapport serve` on it unless --no-serve. Every report and queue command works \
            on the result.
            """)

    @Option(name: .customLong("db"), help: ArgumentHelp("SQLite file to write (replaced), or an empty postgres:// database.", valueName: "PATH"))
    var db = "rapport-demo.sqlite"
    @Flag(name: .customLong("no-serve"), help: "Only write the database.") var noServe = false
    @Option(help: "Random seed: the same seed and start give the same company.") var seed: UInt64 = 1
    @Option(help: "Active accounts at the start (the specialists' capacity is scaled to keep the case study's load).")
    var accounts = 5_000
    @Option(help: ArgumentHelp("First simulated day (default: the first of the month 36 months ago).", valueName: "YYYY-MM-DD"),
            transform: parseDay) var start: Day?
    @Option(help: "Port for the server (default: $RAPPORT_PORT, then 8080).") var port: Int?

    func validate() throws {
        if accounts < 100 || accounts > 100_000 { throw ValidationError("--accounts must be between 100 and 100,000") }
    }

    /// The simulation: 36 months, four specialists with capacity in proportion to the accounts.
    func parameters(today: Day) -> SimulationParameters {
        var parameters = SimulationParameters()
        parameters.accounts = accounts
        parameters.months = 36
        parameters.seed = seed
        parameters.start = start ?? today.monthStart.adding(months: -36)
        parameters.scaleCapacity(toAccounts: accounts)
        return parameters
    }

    func run() async throws {
        let clock = ContinuousClock()
        let began = clock.now
        let config = try RapportConfig.resolve(db: db, port: port)
        let parameters = parameters(today: try CompanyClock(timeZoneName: config.timeZone).today())
        let switchDay = parameters.start.adding(months: 18)
        if case .sqlite(let path) = config.database {
            for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
                try FileManager.default.removeItem(atPath: path + suffix)
            }
        }
        printError("demo: simulating \(accounts) accounts from \(parameters.start): traditional, client relations from \(switchDay)")
        let ledger = Simulator(parameters).ledger(schedule: [(parameters.start, .traditional), (switchDay, .clientRelations)]) { day in
            if day.month % 3 == 1 { printError("demo: simulated to \(day)") }
        }
        printError("demo: \(ledger.invoices.count) invoices, \(ledger.payments.count) payments, \(ledger.cases.count) cases, "
                   + "\(ledger.interactions.count) touches; writing \(config.database)")
        let users = DemoUseCases.users(ledger.specialists)
        let password = try await AppComposition.withApp(config) { app in
            try await app.demo.write(ledger, users: users) { line in printError("demo: wrote \(line)") }
            let password = String(app.signIn.newToken().prefix(16))
            try await app.users.setDemoPassword(password, for: users.map(\.id))
            return password
        }
        let before = try Period(from: switchDay.adding(months: -12), to: switchDay.adding(days: -1))
        let after = try Period(from: ledger.lastDay.adding(days: 1).adding(months: -12), to: ledger.lastDay)
        let facts = ReceivableFacts(
            currency: .usd, invoices: ledger.invoices, payments: ledger.payments, creditMemos: ledger.creditMemos,
            deposits: ledger.deposits, allocations: ledger.allocations)
        func dso(_ period: Period) -> String {
            let metrics = ReceivableMetrics(facts, period: period)
            return "\(metrics.dso.map(formatTwoDecimals) ?? "—") (countback \(metrics.dsoCountback.map(formatTwoDecimals) ?? "—"))"
        }
        let seconds = (clock.now - began).components.seconds
        print("""
            demo company written to \(config.database) in \(seconds) s
              DSO under the traditional policy (\(before)): \(dso(before))
              DSO under client relations (\(after)): \(dso(after))
            try:
              rapport report trend --metric dso --from \(parameters.start) --to \(ledger.lastDay) --db \(db)
              rapport report metrics --from \(after.from) --to \(after.to) --db \(db)
              rapport queue --specialist \(ledger.specialists[0]) --date \(ledger.lastDay) --db \(db)
              rapport report root-causes --from \(after.from) --to \(after.to) --db \(db)
            sign in at http://\(config.server.hostname):\(config.server.port)/login as one of: \(users.map { "\($0.id) (\($0.role.rawValue))" }.joined(separator: ", "))
            with this password (shown once; set others with `rapport user password`):
            """)
        print(password)
        guard !noServe else { return }
        try await ServeCommand.serve(config)
    }
}
