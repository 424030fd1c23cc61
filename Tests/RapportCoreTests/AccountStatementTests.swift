import Testing
@testable import RapportCore

@Suite("Account statements")
struct AccountStatementTests {
    @Test func openInvoicesAndTheirLinesByLocation() throws {
        let day = { (text: String) in try! Day(iso: text) }
        let usd = { (minor: Int64) in Money(minorUnits: minor, currency: .usd) }
        let invoices = [
            try Invoice(id: "I1", accountID: "P", issueDate: day("2024-01-05"), dueDate: day("2024-01-05"),
                        lines: [InvoiceLine(locationID: "L1", description: "Monitoring", amount: usd(1_000)),
                                InvoiceLine(locationID: "L2", description: "Monitoring", amount: usd(2_000)),
                                InvoiceLine(description: "Fee", amount: usd(500))]),
            try Invoice(id: "I2", accountID: "C", issueDate: day("2024-01-06"), dueDate: day("2024-01-06"),
                        lines: [InvoiceLine(locationID: "L3", description: "Repair", amount: usd(700))]),
        ]
        let parent = try LedgerReport(accountID: "P", asOf: day("2024-01-31"), invoices: [
            .init(invoiceID: "I1", issueDate: day("2024-01-05"), dueDate: day("2024-01-05"), total: usd(3_500), allocated: usd(500)),
        ], credits: [])
        let child = try LedgerReport(accountID: "C", asOf: day("2024-01-31"), invoices: [
            .init(invoiceID: "I2", issueDate: day("2024-01-06"), dueDate: day("2024-01-06"), total: usd(700), allocated: usd(700)),
        ], credits: [])
        let statement = try AccountStatement(accountID: "P", ledgers: [parent, child], invoices: invoices,
                                             locationNames: ["L1": "North", "L2": "South"])
        #expect(statement.invoices.map(\.invoiceID) == ["I1"])          // I2 is paid
        #expect(statement.totalOpen[.usd] == usd(3_000))
        #expect(statement.sections.map(\.name) == ["North", "South", "No location"])
        #expect(statement.sections.map { $0.billed[.usd]! } == [usd(1_000), usd(2_000), usd(500)])
    }
}

@Suite("Who-to-call sheet")
struct WhoToCallSheetTests {
    @Test func contactsGroupedBySiteAndRoleWithOurPeople() {
        let parent = Account(id: "P", name: "Parent", segment: .commercial, specialist: "lori", salesperson: "sam", serviceManager: "maria")
        let child = Account(id: "C", name: "Child", segment: .commercial, parentID: "P")
        let contacts = [
            Contact(id: "3", accountID: "P", locationID: "L1", name: "Zed", role: .billing),
            Contact(id: "2", accountID: "P", locationID: "L1", name: "Amy", role: .accountsPayable),
            Contact(id: "1", accountID: "P", name: "Bo", role: .decisionMaker),
            Contact(id: "4", accountID: "C", locationID: "L9", name: "Cy", role: .facilities),
        ]
        let sheet = WhoToCallSheet(accountID: "P", accounts: [parent, child], contacts: contacts, locationNames: ["L1": "North"])
        #expect(sheet.ours.map(\.salesperson) == ["sam", nil])
        #expect(sheet.sites.map(\.name) == ["L9", "Whole account", "North"])   // by account id: C before P
        #expect(sheet.sites[2].contacts.map(\.name) == ["Amy", "Zed"])          // accounts payable before billing
    }
}
