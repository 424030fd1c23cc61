import ArgumentParser
import Foundation
import RapportCore

/// `rapport bench queue`: times the playbook over a generated company held in memory.
struct BenchQueueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue", abstract: "Time the daily queue for one specialist and for all, on a generated company.",
        discussion: """
            Generates --accounts accounts split evenly over --specialists specialists, each with a year of \
            monthly invoices (the last three partly open), one job in four billed off in the last month with \
            follow-up items, a case on one account in fifty and touches on one in ten, then times \
            Queue.tasks on --date for the first specialist and for all of them (best of --repeats).
            """)

    @Option(help: "Accounts in the company.") var accounts = 20_000
    @Option(help: "Specialists sharing them.") var specialists = 4
    @Option(help: ArgumentHelp("The queue day.", valueName: "YYYY-MM-DD"), transform: parseDay)
    var date = try! Day(iso: "2024-12-16")
    @Option(help: "Random seed.") var seed: UInt64 = 7
    @Option(help: "Timed repetitions; the fastest is reported.") var repeats = 5

    func run() async throws {
        let inputs = BenchCompany(accounts: accounts, specialists: specialists, day: date, seed: seed).inputs
        let queue = Queue()
        let clock = ContinuousClock()
        func best(_ body: () -> Int) -> (Duration, Int) {
            var fastest = Duration.seconds(1_000)
            var count = 0
            for _ in 0..<max(1, repeats) {
                let start = clock.now
                count = body()
                fastest = min(fastest, clock.now - start)
            }
            return (fastest, count)
        }
        let risk: (Account.ID) -> Double = { _ in 0.3 }
        let (one, oneCount) = best { queue.tasks(inputs[0], risk: risk).count }
        let (all, allCount) = best { inputs.reduce(0) { $0 + queue.tasks($1, risk: risk).count } }
        let format = Duration.UnitsFormatStyle(allowedUnits: [.milliseconds], width: .abbreviated, fractionalPart: .show(length: 1))
        print("one specialist (\(inputs[0].accounts.count) accounts): \(oneCount) tasks in \(one.formatted(format))")
        print("all \(inputs.count) specialists (\(accounts) accounts): \(allCount) tasks in \(all.formatted(format))")
    }
}

/// A generated company as queue inputs, one per specialist.
struct BenchCompany {
    var inputs: [QueueInput] = []

    init(accounts count: Int, specialists: Int, day: Day, seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let segments: [Account.Segment] = [.residential, .residential, .residential, .commercial, .government, .contractor]
        inputs = (0..<specialists).map { _ in QueueInput(day: day, accounts: []) }
        for index in 0..<count {
            let slot = index % specialists
            let id = Account.ID(String(format: "A%06d", index))
            var flags: Set<Account.Flag> = []
            if Int.random(in: 0..<20, using: &random) == 0 { flags.insert(.keyAccount) }
            if Int.random(in: 0..<15, using: &random) == 0 { flags.insert(.newClient) }
            inputs[slot].accounts.append(Account(
                id: id, name: "Customer \(index)", segment: segments.randomElement(using: &random)!,
                specialist: "specialist\(slot + 1)", flags: flags, openedOn: day.adding(days: -400)))
            for month in 0..<12 {
                let issued = day.adding(days: -30 * (12 - month) + Int.random(in: 0..<5, using: &random))
                let total = Money(minorUnits: Int64.random(in: 3_000...900_000, using: &random), currency: .usd)
                let open = month >= 9 && Int.random(in: 0..<3, using: &random) > 0 ? total : .zero(.usd)
                inputs[slot].invoices.append(QueueInvoice(
                    id: Invoice.ID("\(id)-\(month)"), accountID: id, issueDate: issued, dueDate: issued,
                    collectionStart: issued.adding(days: 30), total: total, open: open, isFirstOfAccount: month == 0))
            }
            if index % 4 == 0 {
                let job = Job.ID("J\(index)")
                inputs[slot].jobs.append(Job(
                    id: job, accountID: id, kind: .installation, ownerDepartment: .installation, percentComplete: 95,
                    billedOffOn: day.adding(days: -Int.random(in: 0..<30, using: &random)),
                    followUps: [FollowUpItem(id: FollowUpItem.ID("F\(index)"), jobID: job, description: "punch list",
                                             department: .installation, dueOn: day.adding(days: 5))]))
            }
            if index % 50 == 0 {
                inputs[slot].cases.append(Case(
                    id: Case.ID("C\(index)"), accountID: id, invoiceIDs: [Invoice.ID("\(id)-10")], category: .billingError,
                    amountOnHold: Money(minorUnits: 10_000, currency: .usd), department: .billing, openedOn: day.adding(days: -20),
                    slaDays: 5))
            }
            if index % 10 == 0 {
                inputs[slot].interactions.append(Interaction(
                    id: Interaction.ID("T\(index)"), accountID: id, occurredOn: day.adding(days: -3), channel: .call,
                    purpose: .reminder, outcome: index % 20 == 0 ? .noAnswer : .satisfied, by: "specialist\(slot + 1)"))
            }
        }
    }
}
