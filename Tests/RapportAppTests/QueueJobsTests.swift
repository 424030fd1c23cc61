import RapportApp
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

/// The queue reads only the jobs a task can concern; it must equal the queue over every job.
@Suite("Queue jobs read")
struct QueueJobsTests {
    @Test(arguments: TestDatabase.available)
    func theQueueOverTheJobsThatCanMatterEqualsTheQueueOverEveryJob(engine: TestDatabase) async throws {
        var parameters = SimulationParameters()
        parameters.accounts = 300
        parameters.months = 6
        parameters.seed = 5
        parameters.touchesPerDay = 5
        let ledger = Simulator(parameters).ledger(schedule: [(parameters.start, .clientRelations)])
        try await engine.withDatabase { db in
            try await SimulatedLedgerWriter(db).write(ledger, users: []) { _ in }
            let env = db.app()
            let repository = FluentQueueRepository(db)
            let queue = Queue()
            let specialists = try await env.queue.specialists()
            var compared = 0
            var fewer = false
            // After the simulated months nobody works the queue, so tasks wait there.
            for days in [1, 12, 40] {
                let day = parameters.start.adding(months: parameters.months).adding(days: days)
                for specialist in specialists {
                    let some = try #require(try await repository.fetchQueueData(
                        specialist: specialist, day: day, jobsBilledOffFrom: queue.jobsBilledOffFrom(day)))
                    var every = try #require(try await repository.fetchQueueData(specialist: specialist, day: day))
                    fewer = fewer || some.input.jobs.count < every.input.jobs.count
                    every.input.interactions = try await repository.fetchTouches(
                        from: Dictionary(uniqueKeysWithValues: every.input.accounts.map { ($0.id, Day.earliest) }), through: day)
                    let baseline = LatePaymentBaseline(counts: every.paidCounts, averageLateShare: every.ledgerLateShare)
                    let expected = QueueRanking.tasks(every.input, playbook: .standard, baseline: baseline, history: [], model: nil)
                    let tasks = try await env.queue.tasks(specialist: specialist, on: day)
                    #expect(tasks == expected, "\(specialist) on \(day)")
                    compared += tasks.count
                }
            }
            #expect(compared > 0)
            #expect(fewer)
        }
    }
}
