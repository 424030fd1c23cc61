import Testing
@testable import RapportCore

@Suite("Queue call-backs")
struct QueueCallBackTests {
    let day = { (text: String) in try! Day(iso: text) }

    func touch(_ id: String, _ on: String, outcome: Interaction.Outcome = .satisfied, purpose: Interaction.Purpose = .checkIn,
               next: String? = nil) -> Interaction {
        Interaction(id: Interaction.ID(id), accountID: "A1", occurredOn: day(on), channel: .call, purpose: purpose, outcome: outcome,
                    by: "kim", nextContactOn: next.map(day))
    }

    func callBacks(_ touches: [Interaction], on today: String) -> [QueueTask] {
        let account = Account(id: "A1", name: "Acme", segment: .commercial, openedOn: day("2023-01-01"))
        let input = QueueInput(day: day(today), accounts: [account], interactions: touches)
        return Queue().tasks(input, risk: { _ in 0.5 }).filter { $0.rule == "call-back" }
    }

    @Test func aTouchsNextContactDayBecomesAFollowUpTaskThatDay() {
        let touches = [touch("T1", "2024-06-10", next: "2024-06-20")]
        #expect(callBacks(touches, on: "2024-06-19").isEmpty, "not before the day")
        let task = callBacks(touches, on: "2024-06-20").first
        #expect(task?.dueOn == day("2024-06-20") && task?.purpose == .followUp)
        #expect(task?.reason == "Call back as agreed: on 2024-06-10 kim said the customer would be contacted again on this day")
        #expect(callBacks(touches, on: "2024-07-21").isEmpty, "dropped after the check-in window")
    }

    @Test func aReachingFollowUpClosesItAndALaterDaySupersedesIt() {
        let first = touch("T1", "2024-06-10", next: "2024-06-20")
        #expect(callBacks([first, touch("T2", "2024-06-21", outcome: .noAnswer, purpose: .followUp)], on: "2024-06-22").count == 0,
                "no answer: retried after two days")
        #expect(callBacks([first, touch("T2", "2024-06-21", outcome: .noAnswer, purpose: .followUp)], on: "2024-06-23").first?.attempts == 1)
        #expect(callBacks([first, touch("T2", "2024-06-21", purpose: .followUp)], on: "2024-06-25").isEmpty, "reached: done")
        #expect(callBacks([first, touch("T2", "2024-06-15", next: "2024-07-01")], on: "2024-06-25").isEmpty, "moved to July 1")
        #expect(callBacks([first, touch("T2", "2024-06-15", next: "2024-07-01")], on: "2024-07-01").count == 1)
    }
}
