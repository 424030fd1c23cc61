import Testing
@testable import RapportCore

/// Countback over negative months, invoices credited rather than paid, arrangements over their own invoices.
@Suite("Review fixes: countback, credited invoices, arrangements")
struct SettlementTests {
    func day(_ text: String) -> Day { try! Day(iso: text) }
    func usd(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .usd) }

    @Test func countbackSubtractsNegativeMonthsToo() {
        // 150,000 of AR over August 100,000 / July −10,000 / June 100,000: 31 + 31 + 18 = 80 days.
        let result = ReceivableFormulas.countbackDso(endingAR: 150_000, newestFirst: [
            .init(sales: 100_000, days: 31), .init(sales: -10_000, days: 31), .init(sales: 100_000, days: 30),
        ])
        #expect(result.days == 80 && !result.isLowerBound)
    }

    @Test func anInvoiceClearedByACreditMemoIsCreditedNotPaid() throws {
        let paid = try Invoice(id: "I1", accountID: "A", issueDate: day("2024-03-01"), dueDate: day("2024-03-01"), lines: [InvoiceLine(amount: usd(1_000))])
        let credited = try Invoice(id: "I2", accountID: "A", issueDate: day("2024-03-01"), dueDate: day("2024-03-01"), lines: [InvoiceLine(amount: usd(5_000))])
        let facts = ReceivableFacts(
            currency: .usd, invoices: [paid, credited],
            payments: [Payment(id: "P1", accountID: "A", receivedOn: day("2024-03-11"), amount: usd(1_000))],
            creditMemos: [CreditMemo(id: "M1", accountID: "A", issuedOn: day("2024-03-31"), amount: usd(5_000), invoiceID: "I2")],
            allocations: [
                Allocation(source: .payment("P1"), invoiceID: "I1", amount: usd(1_000), allocatedOn: day("2024-03-11")),
                Allocation(source: .creditMemo("M1"), invoiceID: "I2", amount: usd(5_000), allocatedOn: day("2024-03-31")),
            ])
        let timing = ReceivableMetrics(facts, period: try Period(from: day("2024-03-01"), to: day("2024-03-31"))).timing
        // Only I1 was paid: 10 days, not (10 + 30) / 2.
        #expect(timing.averageDaysToPay == 10 && timing.averageDaysBeyondTerms == 10)
    }

    @Test func creditedInvoicesAreNotRiskLabels() {
        let account = Account(id: "A", name: "A", segment: .residential, openedOn: day("2023-01-01"))
        func facts(_ id: String, due: String, paid: String?, credited: Bool = false) -> RiskTraining.InvoiceFacts {
            RiskTraining.InvoiceFacts(id: Invoice.ID(id), accountID: "A", issueDate: day(due), dueDate: day(due), total: usd(1_000),
                                      paidOn: paid.map(day), collectionStart: day(due).adding(days: 30), credited: credited)
        }
        let invoices = [facts("I1", due: "2024-01-01", paid: "2024-01-05"), facts("I2", due: "2024-02-01", paid: "2024-04-01", credited: true)]
        let result = RiskTraining.train(invoices: invoices, accounts: ["A": account], cases: [], jobs: [:], asOf: day("2024-06-01"))
        #expect(result.trainCount + result.testCount == 1)
    }

    @Test func anArrangementCountsOnlyPaymentsAllocatedToItsInvoices() {
        let plan = PaymentArrangement(
            id: "PA1", accountID: "A", agreedOn: day("2024-02-01"),
            installments: ArrangementPlan.monthly(total: usd(60_000), count: 3, first: day("2024-02-10")), invoiceIDs: ["OLD"])
        // The customer keeps paying February's ordinary bill (NEW) but nothing toward the arranged OLD invoice.
        let payments = [Payment(id: "P1", accountID: "A", receivedOn: day("2024-02-10"), amount: usd(20_000))]
        let ordinary = [Allocation(source: .payment("P1"), invoiceID: "NEW", amount: usd(20_000), allocatedOn: day("2024-02-10"))]
        let standing = ArrangementPlan.standing(plan, payments: payments, allocations: ordinary, on: day("2024-02-20"))
        #expect(standing.state == .behind && standing.paid == usd(0) && standing.missed == 1)
        let arranged = [Allocation(source: .payment("P1"), invoiceID: "OLD", amount: usd(20_000), allocatedOn: day("2024-02-10"))]
        #expect(ArrangementPlan.standing(plan, payments: payments, allocations: arranged, on: day("2024-02-20")).state == .onTrack)
    }
}
