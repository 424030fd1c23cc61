import Testing
@testable import RapportCore

@Suite("Billing-frequency change")
struct BillingFrequencyChangeTests {
    func day(_ text: String) -> Day { try! Day(iso: text) }
    func usd(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .usd) }

    @Test func theOpenAnnualAmountIsRebilledMonthlyProratedByDays() throws {
        // A 1,200.00 annual bill for the year from Jan 15, 2024 moved to monthly on Mar 1.
        let change = try BillingFrequencyChange.annualToMonthly(open: usd(120_000), yearStart: day("2024-01-15"), effective: day("2024-03-01"))
        #expect(change.credit == usd(120_000))
        #expect(change.bills.count == 11)
        #expect(change.bills.first?.from == day("2024-03-01") && change.bills.first?.until == day("2024-03-15"))
        #expect(change.bills.last?.until == day("2025-01-15"))
        #expect(change.bills.reduce(Int64(0)) { $0 + $1.amount.minorUnits } == 120_000)
        // 320 days left: the 14-day stub is 1,200 × 14 / 320 = 52.50; Mar 15–Apr 15 is 31 days.
        #expect(change.bills[0].amount == usd(5_250))
        #expect(change.bills[1].amount == usd(11_625))
        for (earlier, later) in zip(change.bills, change.bills.dropFirst()) { #expect(earlier.until == later.from) }
    }

    @Test func effectiveOnAMonthBoundaryHasNoStubAndRoundingStaysExact() throws {
        let change = try BillingFrequencyChange.annualToMonthly(open: usd(100_001), yearStart: day("2023-01-31"), effective: day("2023-01-31"))
        #expect(change.bills.count == 12)
        #expect(change.bills[1].from == day("2023-02-28"))
        #expect(change.bills.reduce(Int64(0)) { $0 + $1.amount.minorUnits } == 100_001)
        let huge = try BillingFrequencyChange.annualToMonthly(open: usd(.max / 2), yearStart: day("2024-01-01"), effective: day("2024-06-10"))
        #expect(huge.bills.reduce(Int64(0)) { $0 + $1.amount.minorUnits } == .max / 2)
    }

    @Test func nothingOpenOrADayOutsideTheYearIsRefused() {
        #expect(throws: BillingFrequencyChange.Problem.nothingOpen) {
            try BillingFrequencyChange.annualToMonthly(open: usd(0), yearStart: day("2024-01-01"), effective: day("2024-02-01"))
        }
        #expect(throws: BillingFrequencyChange.Problem.outsideBillingYear(
            effective: day("2025-01-01"), start: day("2024-01-01"), end: day("2025-01-01"))) {
            try BillingFrequencyChange.annualToMonthly(open: usd(10), yearStart: day("2024-01-01"), effective: day("2025-01-01"))
        }
    }
}

@Suite("Retention report")
struct RetentionReportTests {
    func day(_ text: String) -> Day { try! Day(iso: text) }
    func usd(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .usd) }

    @Test func measuresInThePeriodWithHowEachAccountKeepsUp() throws {
        let change = BillingChange(id: "B1", accountID: "R1", invoiceID: "I3", effectiveOn: day("2024-03-01"), recordedOn: day("2024-03-01"),
                                   amount: usd(3_000), creditMemoID: "B1-CM", invoiceIDs: ["B1-M01", "B1-M02", "B1-M03"])
        let bills = [
            RetentionReport.Bill(dueOn: day("2024-03-01"), amount: usd(1_000), paid: usd(1_000)),
            RetentionReport.Bill(dueOn: day("2024-04-01"), amount: usd(1_000), paid: usd(0)),
            RetentionReport.Bill(dueOn: day("2024-05-01"), amount: usd(1_000), paid: usd(0)),
        ]
        let plan = PaymentArrangement(id: "PA1", accountID: "A1", agreedOn: day("2024-02-01"),
                                      installments: ArrangementPlan.monthly(total: usd(900), count: 3, first: day("2024-02-10")))
        let standing = ArrangementPlan.standing(plan, payments: [Payment(id: "P", accountID: "A1", receivedOn: day("2024-02-10"), amount: usd(300))],
                                                on: day("2024-03-31"))
        let older = PaymentArrangement(id: "PA0", accountID: "A2", agreedOn: day("2023-12-01"), installments: [])
        let march = try RetentionReport(period: Period(from: day("2024-01-01"), to: day("2024-03-31")),
                                        changes: [(change, bills)], arrangements: [(plan, standing), (older, standing)])
        #expect(march.rows.map(\.id) == ["PA1", "B1"])
        #expect(march.accountsRetained == 2)
        #expect(march.count(.billingFrequencyChange) == 1 && march.count(.paymentArrangement) == 1)
        let bfc = march.rows[1]
        #expect(bfc.due == usd(1_000) && bfc.paid == usd(1_000) && bfc.state == .onTrack)
        #expect(march.rows[0].state == .behind && march.rows[0].due == usd(600) && march.rows[0].paid == usd(300))
        let april = try RetentionReport(period: Period(from: day("2024-03-01"), to: day("2024-04-30")), changes: [(change, bills)], arrangements: [])
        #expect(april.rows[0].state == .behind && april.rows[0].due == usd(2_000))
    }
}
