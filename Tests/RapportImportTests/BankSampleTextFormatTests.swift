import RapportCore
import Testing
@testable import RapportImport

/// The BAI2, MT940 and OFX samples, read with their published values and their known faults.
@Suite struct BankSampleTextFormatTests {
    typealias Expected = BankSampleTests.Expected

    // MARK: BAI2

    @Test func citiBalancesThatDoNotReconcile() throws {
        let file = try BankSampleTests.sample("bai2/moj_citi_example.bai2")
        #expect(file.format == .bai2)
        BankSampleTests.check(file, [Expected(account: "77777777", entries: 1, details: 1, credits: ["GBP": "0.01"],
                                              opening: "100.00 GBP", closing: "100.00 GBP")])
        let detail = file.statements[0].entries[0].details[0]
        #expect(detail.remittance.first == "FR:FP SIP INCOMING")
        #expect(detail.remittance.count == 7)
        #expect(file.warnings.count == 1 && file.warnings[0].contains("do not reconcile"))
    }

    @Test func natWestWithSummaryContinuations() throws {
        let file = try BankSampleTests.sample("bai2/moj_nwb_example.bai2")
        BankSampleTests.check(file, [Expected(account: "88888888 600004", entries: 5, details: 5, credits: ["GBP": "0.89"],
                                              debits: ["GBP": "27.65"], opening: "365.21 GBP", closing: "338.45 GBP")])
        // Text carried over two 88 records stays with its 16.
        #expect(file.statements[0].entries[4].details[0].remittance.count == 2)
        #expect(file.warnings.isEmpty)
    }

    @Test func svbTwoGroupsAndNoTerminatorOnTheLastRecord() throws {
        let file = try BankSampleTests.sample("bai2/moj_svb_us_example.bai2")
        BankSampleTests.check(file, [
            Expected(account: "1234567890", entries: 1, details: 1, credits: ["USD": "4901.96"], opening: "347269.79 USD", closing: "352171.75 USD"),
            Expected(account: "1234567890", entries: 1, details: 1, credits: ["USD": "9058.00"], opening: "352171.75 USD", closing: "361229.75 USD"),
        ])
        #expect(file.warnings.isEmpty)
    }

    @Test func canadianDollarsWithValueDates() throws {
        let file = try BankSampleTests.sample("bai2/moov_sample1_cad.bai2")
        BankSampleTests.check(file, [
            Expected(account: "10200123456", entries: 11, details: 11, credits: ["CAD": "2085.00"], debits: ["CAD": "2085.00"]),
            Expected(account: "10200123456", entries: 6, details: 6, credits: ["CAD": "1115.00"], debits: ["CAD": "1115.00"]),
        ])
        #expect(file.statements[0].entries[0].valueOn?.isoString == "2006-03-16")
        #expect(file.statements[0].entries[0].details[0].remittance == ["RETURNED CHEQUE"])
        #expect(file.warnings.isEmpty)
    }

    @Test func multigroupWithoutCurrencyAndSplitSummaries() throws {
        let file = try BankSampleTests.sample("bai2/moov_sample2_multigroup.bai2")
        #expect(file.statements.count == 5)
        #expect(file.statements.map(\.entries.count) == [1, 1, 2, 0, 0])
        #expect(file.statements.allSatisfy { $0.currency == .usd })
        #expect(file.statements[1].openingBalance?.amount == Money(minorUnits: -500_000, currency: .usd))
        #expect(file.statements[2].entries[0].details[0].remittance == ["PROCEEDS OF LETTER OF CREDIT FROM THE ARAMCO OIL CO"])
        #expect(file.warnings.filter { $0.contains("USD assumed") }.count == 5)
        #expect(file.warnings.allSatisfy { $0.contains("USD assumed") })
    }

    @Test func severalRecordsOnOneLine() throws {
        let file = try BankSampleTests.sample("bai2/moov_sample3_multirecord_lines.bai2")
        #expect(file.statements.count == 15)
        #expect(file.statements.reduce(0) { $0 + $1.entries.count } == 26)
        let all = file.statements.flatMap(\.entries)
        #expect(all.filter(\.amount.isPositive).reduce(0) { $0 + $1.amount.minorUnits } == 39_713)
        #expect(all.filter(\.amount.isNegative).reduce(0) { $0 - $1.amount.minorUnits } == 59_418)
        #expect(file.statements[0].entries[0].details[0].remittance == ["TRANSFER   PAYPAL             PPD"])
        #expect(file.warnings.isEmpty)
    }

    @Test func goldmanStyleTaggedContinuationsAndWrongTrailers() throws {
        let file = try BankSampleTests.sample("bai2/moov_sample4_gs_continuations.bai2")
        #expect(file.statements.count == 5)
        #expect(file.statements.reduce(0) { $0 + $1.entries.count } == 17)
        let details = file.statements.flatMap(\.entries).flatMap(\.details)
        #expect(details.contains { $0.endToEndID == "GSQ4FBGFDGWGKY" && $0.debtorName == "SAMPLE INC" && $0.debtorAccount == "101152046" })
        #expect(details.contains { $0.remittance.contains("ACH- Test - Addenda Record") })
        #expect(file.statements.flatMap(\.entries).filter(\.reversal).count == 4)
        // Two of the five accounts have wrong totals and counts; so do the group and file trailers.
        #expect(file.warnings.filter { $0.contains("trailer (49)") }.count == 4)
    }

    // MARK: MT940

    @Test func abnAmroTwoMessagesThatDoNotReconcile() throws {
        let file = try BankSampleTests.sample("mt940/wolph_jejik_abnamro.sta")
        #expect(file.format == .mt940)
        BankSampleTests.check(file, [
            Expected(account: "517852257", entries: 8, details: 8, debits: ["EUR": "321.44"], opening: "3236.28 EUR", closing: "876.84 EUR"),
            Expected(account: "517852257", entries: 2, details: 2, debits: ["EUR": "24.49"], opening: "2876.84 EUR", closing: "1849.75 EUR"),
        ])
        let first = file.statements[0].entries[0]
        #expect(first.valueOn?.isoString == "2011-05-24" && first.bookedOn?.isoString == "2011-05-24")
        #expect(first.details[0].remittance[0].contains("BETALINGSKENM.  000000042188659"))
        #expect(file.warnings.filter { $0.contains("do not reconcile") }.count == 2)
    }

    @Test func germanDialectWithoutBalanceCurrency() throws {
        let file = try BankSampleTests.sample("mt940/wolph_raphaelm_nonswift.sta")
        BankSampleTests.check(file, [
            Expected(account: "1222333444", entries: 6, details: 6, credits: ["DEM": "105000.00"], opening: "0.00 DEM", closing: "105000.00 DEM"),
            Expected(account: "1222333444", entries: 2, details: 2, credits: ["DEM": "40000.00"], opening: "105000.00 DEM", closing: "145000.00 DEM"),
            Expected(account: "3346780111", entries: 1, details: 1, debits: ["DEM": "50000.00"], opening: "145000.00 DEM", closing: "95000.00 DEM"),
        ])
        #expect(file.statements[0].entries[0].bookedOn?.isoString == "2002-03-20")
        #expect(file.warnings.filter { $0.contains("names no currency") }.count == 3)
        #expect(!file.warnings.contains { $0.contains("reconcile") })
    }

    @Test func structuredGermanInformation() {
        let information = MT940Information("166?00GUTSCHRIFT?109310?20EREF+E2E-1042?21SVWZ+RE 1042 UND 10\n?2243?30DEUTDEFF?31DE02120300000000202051?32ACME GMBH")
        #expect(information.narrative == ["GUTSCHRIFT"])
        #expect(information.endToEndID == "E2E-1042")
        #expect(information.remittance == ["RE 1042 UND 1043"])
        #expect(information.name == "ACME GMBH")
        #expect(information.account == "DE02120300000000202051")
    }

    // MARK: OFX

    @Test func ofxSGMLBankStatement() throws {
        let file = try BankSampleTests.sample("ofx/ofxparse_bank_medium.ofx")
        #expect(file.format == .ofx)
        BankSampleTests.check(file, [Expected(account: "12300 000012345678", entries: 3, details: 3, debits: ["CAD": "345.27"], closing: "382.34 CAD")])
        let entry = file.statements[0].entries[0]
        #expect(entry.bookedOn?.isoString == "2009-04-01" && entry.bankReference == "0000123456782009040100001")
        #expect(entry.details[0].debtorName == "MCDONALD'S #112")
    }

    @Test func chaseQFXWithALeadingBlankLineInWindows1252() throws {
        let file = try BankSampleTests.sample("ofx/ofxparse_chase_cc.qfx")
        // ofxparse PR #160's test: one transaction of −10.00.
        BankSampleTests.check(file, [Expected(account: "0123012301230123", entries: 1, details: 1, debits: ["USD": "10.00"], closing: "-10.00 USD")])
    }

    @Test func ofxWithSeveralAccounts() throws {
        let file = try BankSampleTests.sample("ofx/ofxparse_multiple_accounts.ofx")
        #expect(file.statements.count == 2)
        #expect(file.statements[0].account == "78934567889")
        #expect(file.statements[0].entries.count == 4)
        #expect(file.statements[0].closingBalance?.amount.decimalString == "123450.00")
    }
}

/// Files that cannot be read are refused with the file, the line (or XML path) and the reason.
@Suite struct BankFileRefusalTests {
    func refusal(_ text: String) -> String {
        do {
            _ = try BankFileReader.read(Array(text.utf8), file: "in.txt")
            return "read"
        } catch {
            return error.description
        }
    }

    @Test func unknownFormat() {
        #expect(refusal("date,amount\n2024-01-01,12.00\n") == "in.txt:1: not a bank file Rapport reads (camt.053, camt.054, BAI2, OFX/QFX or MT940)")
    }

    @Test func brokenXMLNamesItsLine() {
        let text = "<?xml version=\"1.0\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.04\">\n<BkToCstmrStmt>\n</Stmt>\n"
        #expect(refusal(text) == "in.txt:4: end tag </Stmt> does not close <BkToCstmrStmt> of line 3")
    }

    @Test func camtAmountWithoutCurrencyNamesItsPath() {
        let text = """
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.04"><BkToCstmrStmt><Stmt><Acct><Id><IBAN>CH93</IBAN></Id></Acct>
            <Ntry><Amt>12.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry></Stmt></BkToCstmrStmt></Document>
            """
        #expect(refusal(text) == "in.txt:2: Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/Amt: the amount has no Ccy")
    }

    @Test func bai2AmountThatIsNotANumber() {
        let text = "01,A,B,240101,0000,1,,,2/\n02,B,A,1,240101,,USD,/\n03,123,USD,010,100,,/\n16,142,12x0,,,,TEXT/\n49,1,3/\n98,1,1,5/\n99,1,1,7/\n"
        #expect(refusal(text) == "in.txt:4: amount \"12x0\" is not an amount")
    }

    @Test func mt940LineWithoutMark() {
        let text = ":20:X\n:25:NL01\n:28C:1\n:60F:C240101EUR0,00\n:61:240102X12,00NTRFREF\n:62F:C240102EUR12,00\n-\n"
        #expect(refusal(text) == "in.txt:5: :61: \"240102X12,00NTRFREF\": no debit/credit mark (C, D, RC or RD)")
    }

    @Test func checkDigits() {
        #expect(CreditorReference.checkDigitValid("RF18539007547034") == true)
        #expect(CreditorReference.checkDigitValid("RF19539007547034") == false)
        #expect(CreditorReference.checkDigitValid("210000000003139471430009017") == true)
        #expect(CreditorReference.checkDigitValid("210000000003139471430009018") == false)
        #expect(CreditorReference.checkDigitValid("INV-1042") == nil)
    }
}
