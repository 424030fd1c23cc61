import Testing
@testable import RapportCore

@Suite("Issues found before the collection start")
struct EarlyFindingsTests {
    @Test func eachMonthCountsTheIssuesFoundBeforeTheirInvoicesCollectionStart() throws {
        let day = { (text: String) in try! Day(iso: text) }
        func touch(_ id: String, _ on: String, _ purpose: Interaction.Purpose, _ outcome: Interaction.Outcome, invoice: String? = nil) -> Interaction {
            Interaction(id: Interaction.ID(id), accountID: "A", invoiceID: invoice.map { Invoice.ID($0) }, occurredOn: day(on),
                        channel: .call, purpose: purpose, outcome: outcome, by: "lori")
        }
        let touches = [
            touch("1", "2024-01-05", .checkIn, .issueFound),                    // January: a check-in names no invoice
            touch("2", "2024-01-20", .reminder, .issueFound, invoice: "I1"),    // January: before I1's start
            touch("3", "2024-02-15", .reminder, .issueFound, invoice: "I1"),    // after I1's start: not early
            touch("4", "2024-02-16", .followUp, .issueFound),                   // a follow-up without invoice: not early
            touch("5", "2024-03-01", .earlyContact, .satisfied),                // no issue
            touch("6", "2024-03-31", .earlyContact, .issueFound),               // March
            touch("7", "2024-04-01", .checkIn, .issueFound),                    // outside the range
        ]
        let months = EarlyFindings.byMonth(touches, collectionStarts: ["I1": day("2024-02-01")],
                                           range: try Period(from: day("2024-01-01"), to: day("2024-03-31")))
        #expect(months.map(\.count) == [2, 0, 1])
        #expect(months.map { $0.month.from.isoString } == ["2024-01-01", "2024-02-01", "2024-03-01"])
    }
}
