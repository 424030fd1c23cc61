import Testing
@testable import RapportCore

@Suite("Specialist productivity")
struct ProductivityReportTests {
    @Test func touchesCasesMoneyAndPromises() throws {
        let day = { (text: String) in try! Day(iso: text) }
        let usd = { (minor: Int64) in Money(minorUnits: minor, currency: .usd) }
        func touch(_ id: String, _ on: String, _ purpose: Interaction.Purpose, _ outcome: Interaction.Outcome,
                   invoice: String? = nil, by: String = "lori", channel: Interaction.Channel = .call) -> Interaction {
            Interaction(id: Interaction.ID(id), accountID: "A", invoiceID: invoice.map { Invoice.ID($0) }, occurredOn: day(on),
                        channel: channel, purpose: purpose, outcome: outcome, by: by)
        }
        func item(_ id: String, opened: String, resolved: String?, cents: Int64) -> Case {
            Case(id: Case.ID(id), accountID: "A", category: .billingError, amountOnHold: usd(cents), department: .billing,
                 status: resolved == nil ? .open : .resolved, rootCause: "BILL.WRONG_AMOUNT", openedOn: day(opened),
                 resolvedOn: resolved.map(day), slaDays: 5)
        }
        let report = ProductivityReport(
            specialist: "lori", period: try Period(from: day("2024-02-01"), to: day("2024-02-29")),
            touches: [
                touch("1", "2024-02-02", .checkIn, .issueFound),                        // early: a check-in
                touch("2", "2024-02-03", .reminder, .issueFound, invoice: "I1"),        // before I1's collection start
                touch("3", "2024-02-20", .reminder, .issueFound, invoice: "I2"),        // after I2's
                touch("4", "2024-02-21", .reminder, .noAnswer, channel: .email),
                touch("5", "2024-02-22", .checkIn, .satisfied, by: "kim"),              // someone else
                touch("6", "2024-03-01", .checkIn, .satisfied),                         // outside the period
            ],
            collectionStarts: ["I1": day("2024-02-10"), "I2": day("2024-02-10")],
            cases: [item("C1", opened: "2024-01-20", resolved: "2024-02-03", cents: 1_000),
                    item("C2", opened: "2024-02-05", resolved: "2024-02-09", cents: 2_000),
                    item("C3", opened: "2024-02-10", resolved: nil, cents: 500)],
            collected: usd(99_900),
            promises: [PromiseToPay(id: "P1", accountID: "A", amount: usd(100), madeOn: day("2024-02-01"), promisedFor: day("2024-02-10")),
                       PromiseToPay(id: "P2", accountID: "A", amount: usd(100), madeOn: day("2024-02-01"), promisedFor: day("2024-02-15"))],
            payments: [Payment(id: "X", accountID: "A", receivedOn: day("2024-02-09"), amount: usd(100))])
        #expect(report.touches == 4 && report.checkIns == 1)
        #expect(report.touchesByChannel == [.call: 3, .email: 1])
        #expect(report.touchesByOutcome == [.issueFound: 3, .noAnswer: 1])
        #expect(report.issuesFoundBeforeCollectionStart == 2)
        #expect(report.casesOpened == 2 && report.casesResolved == 2)
        #expect(report.medianDaysToResolve == 9)                                  // (14 + 4) / 2
        #expect(report.moneyResolved == usd(3_000) && report.moneyCollected == usd(99_900))
        // P1 is covered by X; P2 (same payments window up to Feb 15) is also covered by X: both kept.
        #expect(report.promisesKeptPercent == 100)
    }
}
