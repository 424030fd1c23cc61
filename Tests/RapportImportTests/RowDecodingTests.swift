import RapportCore
import Testing
@testable import RapportImport

@Suite("Row decoding")
struct RowDecodingTests {
    func readers(_ text: String, kind: ImportKind) throws -> [RowReader] {
        let records = try CSVParser.records(in: text)
        let header = try CSVHeader(records[0], file: "f.csv", required: kind.requiredColumns)
        return records.dropFirst().map { RowReader(file: "f.csv", header: header, record: $0) }
    }

    func error(_ body: () throws -> Void) -> String? {
        do { try body() } catch { return String(describing: error) }
        return nil
    }

    @Test func headerIsCaseInsensitiveOrderFreeAndIgnoresExtras() throws {
        let rows = try readers("Segment , NAME,extra,account_id\ncommercial,Acme,zzz,A1\n", kind: .accounts)
        let account = try AccountRow.decode(rows[0])
        #expect(account.id == "A1" && account.name == "Acme" && account.segment == .commercial)
        #expect(account.billingFrequency == .monthly && account.flags.isEmpty)
    }

    @Test func missingRequiredColumnIsReported() {
        let records = try! CSVParser.records(in: "account_id,name\n")
        #expect(throws: RowError(file: "f.csv", line: 1, field: "segment", reason: "required column is missing")) {
            try CSVHeader(records[0], file: "f.csv", required: ImportKind.accounts.requiredColumns)
        }
    }

    @Test func accountFieldsAreValidated() throws {
        let rows = try readers("""
            account_id,name,segment,billing_frequency,key_account,hardship,opened_on,parent_id
            A1,Acme,commercial,annual,true,no,2024-02-29,P
            A2,Bad,industrial,,,,,
            A3,Bad,residential,weekly,,,,
            A4,Bad,residential,,maybe,,,
            A5,Bad,residential,,,,2023-02-29,
            A6,Bad,residential,,,,,A6
            ,Bad,residential,,,,,
            """, kind: .accounts)
        let good = try AccountRow.decode(rows[0])
        #expect(good.billingFrequency == .annual && good.flags == [.keyAccount] && good.parentID == "P")
        #expect(good.openedOn == (try Day(iso: "2024-02-29")))
        #expect(error { _ = try AccountRow.decode(rows[1]) } == "f.csv:3: segment: expected one of residential|commercial|government|contractor, got \"industrial\"")
        #expect(error { _ = try AccountRow.decode(rows[2]) } == "f.csv:4: billing_frequency: expected one of monthly|quarterly|annual, got \"weekly\"")
        #expect(error { _ = try AccountRow.decode(rows[3]) } == "f.csv:5: key_account: expected true or false, got \"maybe\"")
        #expect(error { _ = try AccountRow.decode(rows[4]) } == "f.csv:6: opened_on: 2023-02-29 does not exist")
        #expect(error { _ = try AccountRow.decode(rows[5]) } == "f.csv:7: parent_id: an account cannot be its own parent")
        #expect(error { _ = try AccountRow.decode(rows[6]) } == "f.csv:8: account_id: is required")
    }

    @Test func paymentAmountsMustBePositiveAndWellFormed() throws {
        let rows = try readers("""
            payment_id,account_id,received_on,amount,currency
            P1,A,2024-01-01,"1,000.00",usd
            P2,A,2024-01-01,-5.00,USD
            P3,A,2024-01-01,abc,USD
            P4,A,2024-01-01,5,US
            P5,A,2024-13-01,5,USD
            """, kind: .payments)
        #expect(try PaymentRow.decode(rows[0]).amount == Money(minorUnits: 100_000, currency: .usd))
        #expect(error { _ = try PaymentRow.decode(rows[1]) } == "f.csv:3: amount: a payment must be greater than zero")
        #expect(error { _ = try PaymentRow.decode(rows[2]) } == "f.csv:4: amount: not an amount: \"abc\" (not a number)")
        #expect(error { _ = try PaymentRow.decode(rows[3]) } == "f.csv:5: currency: not an ISO 4217 currency code: \"US\"")
        #expect(error { _ = try PaymentRow.decode(rows[4]) } == "f.csv:6: received_on: there is no month 13")
    }

    @Test func invoiceLinesGroupIntoInvoices() throws {
        let rows = try readers("""
            invoice_id,account_id,issue_date,due_date,amount,currency,location_id,description
            I1,A,2024-01-05,,100.00,USD,L1,Install
            I2,A,2024-01-06,2024-02-05,50,USD,,
            I1,A,2024-01-05,,(20.00),USD,L1,Discount
            I3,A,2024-01-07,,10,USD,,
            I3,B,2024-01-07,,10,USD,,
            I4,A,2024-01-08,,-10,USD,,
            I5,Z,2024-01-08,,10,USD,,
            """, kind: .invoices)
        let lines = try rows.map(InvoiceLineRow.decode)
        let terms: [Account.ID: Terms] = ["A": .standard, "B": Terms(dueDays: 15)]
        let result = InvoiceAssembler.assemble(lines, file: "f.csv") { terms[$0] }
        #expect(result.invoices.map(\.value.id) == ["I1", "I2"])
        #expect(result.invoices[0].value.total == Money(minorUnits: 8000, currency: .usd))
        #expect(result.invoices[0].value.dueDate == (try Day(iso: "2024-01-05")))
        #expect(result.invoices[0].line == 2)
        #expect(result.errors.map(\.description) == [
            "f.csv:6: account_id: differs from line 5 of invoice I3",
            "f.csv:7: amount: the invoice total -10.00 must be greater than zero",
            "f.csv:8: account_id: unknown account Z",
        ])
    }

    @Test func dueDateBeforeIssueIsRejected() throws {
        let rows = try readers("invoice_id,account_id,issue_date,due_date,amount,currency\nI,A,2024-02-01,2024-01-31,1,USD\n", kind: .invoices)
        #expect(error { _ = try InvoiceLineRow.decode(rows[0]) } == "f.csv:2: due_date: 2024-01-31 is before the issue date 2024-02-01")
    }
}
