import Testing
@testable import RapportCore

/// Touches before `earliestDue` cannot change the queue, given each account's latest key-account visit.
@Suite("Queue touch window")
struct QueueTouchWindowTests {
    func day(_ text: String) -> Day { try! Day(iso: text) }
    func usd(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .usd) }

    func touch(_ id: String, _ account: Account.ID, _ on: String, _ purpose: Interaction.Purpose, _ outcome: Interaction.Outcome,
               invoice: Invoice.ID? = nil) -> Interaction {
        Interaction(id: Interaction.ID(id), accountID: account, invoiceID: invoice, occurredOn: day(on), channel: .call, purpose: purpose,
                    outcome: outcome, by: "lori")
    }

    @Test func theWindowedQueueEqualsTheQueueOverEveryTouch() {
        let key = Account(id: "K1", name: "Key", segment: .government, flags: [.keyAccount], openedOn: day("2022-01-01"))
        let plain = Account(id: "A1", name: "Plain", segment: .commercial, openedOn: day("2023-01-01"))
        let invoices = [
            QueueInvoice(id: "I1", accountID: "A1", issueDate: day("2024-02-01"), dueDate: day("2024-02-01"),
                         collectionStart: day("2024-03-02"), total: usd(90_000), open: usd(90_000)),
            QueueInvoice(id: "I2", accountID: "K1", issueDate: day("2024-03-01"), dueDate: day("2024-03-01"),
                         collectionStart: day("2024-03-31"), total: usd(10_000), open: usd(10_000)),
        ]
        let touches = [
            touch("T1", "K1", "2023-06-01", .keyAccountVisit, .satisfied),              // old, but the latest visit: it sets the review day
            touch("T0", "K1", "2023-01-01", .keyAccountVisit, .satisfied),
            touch("T2", "A1", "2023-05-01", .reminder, .promiseToPay, invoice: "I9"),   // long before anything is due
            touch("T3", "A1", "2024-03-05", .reminder, .noAnswer, invoice: "I1"),        // an attempt on the first contact
            touch("T4", "A1", "2024-03-20", .reminder, .satisfied, invoice: "I1"),       // reached: contact again 30 days later
        ]
        for text in ["2024-03-10", "2024-04-02", "2024-04-25", "2024-05-01"] {
            var input = QueueInput(day: day(text), accounts: [key, plain], invoices: invoices, interactions: touches)
            let queue = Queue()
            let everything = queue.tasks(input, risk: { _ in 0.5 })
            let latest = touches.filter { $0.id == "T1" }
            input.interactions = latest
            let start = queue.earliestDue(input)!
            input.interactions = touches.filter { $0.occurredOn >= start || $0.id == "T1" }
            #expect(queue.tasks(input, risk: { _ in 0.5 }) == everything, "\(text): window from \(start)")
            #expect(start > day("2023-06-01"))
            input.interactions = latest
            let starts = queue.earliestDueByAccount(input)
            input.interactions = touches.filter { touch in starts[touch.accountID].map { touch.occurredOn >= $0 } ?? false || touch.id == "T1" }
            #expect(queue.tasks(input, risk: { _ in 0.5 }) == everything, "\(text): windows from \(starts)")
            #expect(starts.values.min() == start)
        }
        #expect(Queue().latestTouchPurposes == [.keyAccountVisit])
    }
}
