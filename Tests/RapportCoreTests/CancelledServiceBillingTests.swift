import Testing
@testable import RapportCore

@Suite("Lines billed after a cancellation")
struct CancelledServiceBillingTests {
    @Test func linesOfTheCancelledServiceAfterTheEffectiveDayAreFlagged() throws {
        let day = { (text: String) in try! Day(iso: text) }
        let usd = { (minor: Int64) in Money(minorUnits: minor, currency: .usd) }
        let cancel = ChangeRequest(id: "R1", accountID: "A", locationID: "L1", kind: .cancellation, service: "Monitoring",
                                   effectiveOn: day("2024-03-01"), reportedBy: .sales, reportedOn: day("2024-02-20"))
        let addOn = ChangeRequest(id: "R2", accountID: "A", kind: .addOn, service: "Cameras",
                                  effectiveOn: day("2024-03-01"), reportedBy: .sales, reportedOn: day("2024-02-20"))
        let invoices = [
            try Invoice(id: "I1", accountID: "A", issueDate: day("2024-03-01"), dueDate: day("2024-03-01"),
                        lines: [InvoiceLine(locationID: "L1", description: "Monitoring March", amount: usd(100))]),     // on the day: fine
            try Invoice(id: "I2", accountID: "A", issueDate: day("2024-04-01"), dueDate: day("2024-04-01"),
                        lines: [InvoiceLine(locationID: "L2", description: "monitoring April", amount: usd(100)),     // other site
                                InvoiceLine(locationID: "L1", description: "MONITORING April", amount: usd(100)),     // flagged
                                InvoiceLine(locationID: "L1", description: "Cameras", amount: usd(50))]),
            try Invoice(id: "I3", accountID: "B", issueDate: day("2024-04-01"), dueDate: day("2024-04-01"),
                        lines: [InvoiceLine(locationID: "L1", description: "Monitoring", amount: usd(100))]),         // other account
        ]
        let flags = CancelledServiceBilling.flags(changes: [cancel, addOn], invoices: invoices)
        #expect(flags.map(\.invoiceID) == ["I2"] && flags.map(\.lineNumber) == [2])
        #expect(flags[0].changeRequestID == "R1" && flags[0].amount == usd(100))
        #expect(ChangeRequest.routedTo == .billing && cancel.isOpen)
    }
}
