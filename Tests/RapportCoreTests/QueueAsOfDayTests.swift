import Testing
@testable import RapportCore

/// A queue for a past day sees that day, not today: cases, promises, reviews made later are not there,
/// and a case resolved later was still holding its invoice.
@Suite("Queue as of a past day")
struct QueueAsOfDayTests {
    func day(_ text: String) -> Day { try! Day(iso: text) }
    func usd(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .usd) }
    func queue(_ input: QueueInput) -> [QueueTask] { Queue().tasks(input, risk: { _ in 0.5 }) }

    let account = Account(id: "A1", name: "Acme", segment: .commercial, openedOn: try! Day(iso: "2024-01-01"))
    var invoice: QueueInvoice {
        QueueInvoice(id: "I1", accountID: "A1", issueDate: day("2024-03-01"), dueDate: day("2024-03-01"),
                     collectionStart: day("2024-03-31"), total: usd(100_000), open: usd(100_000))
    }

    func dispute(opened: String, resolved: String? = nil) -> Case {
        var item = Case(id: "C1", accountID: "A1", invoiceIDs: ["I1"], category: .dispute, amountOnHold: usd(100_000),
                        department: .billing, status: .inProgress, openedOn: day(opened), slaDays: 15)
        if let resolved {
            item.status = .closed
            item.resolvedOn = day(resolved)
            item.rootCause = "INST.PUNCH_LIST_OPEN"
            item.resolution = .rebill
        }
        return item
    }

    @Test func aCaseOpenedAfterTheDayDoesNotPauseTheInvoice() {
        let input = QueueInput(day: day("2024-04-02"), accounts: [account], invoices: [invoice], cases: [dispute(opened: "2024-04-10")])
        #expect(queue(input).map(\.rule) == ["first-contact"])
    }

    @Test func aCaseResolvedAfterTheDayStillHoldsTheInvoiceThatDay() {
        let input = QueueInput(
            day: day("2024-04-02"), accounts: [account], invoices: [invoice], cases: [dispute(opened: "2024-03-20", resolved: "2024-04-20")])
        #expect(queue(input).filter { $0.rule == "first-contact" }.isEmpty)
        // …and it was past its SLA (15 days from March 20) on April 5, though it is closed today.
        var later = input
        later.day = day("2024-04-05")
        #expect(queue(later).map(\.rule) == ["case-past-sla"])
    }

    @Test func aCreditReviewMadeAfterTheDayIsNotSeen() {
        let contractor = Account(id: "A1", name: "Bob's Builders", segment: .contractor, flags: [.newContractor], openedOn: day("2024-03-01"))
        let review = CreditReview(id: "CR1", accountID: "A1", reviewedOn: day("2024-03-20"), references: [], industryCreditGroupNote: "",
                                  decision: .approved)
        let input = QueueInput(day: day("2024-03-10"), accounts: [contractor], creditReviews: [review])
        #expect(queue(input).map(\.rule) == ["contractor-credit-review"])
    }
}
