import Foundation
import RapportCore
import Testing
@testable import RapportImport

/// Every sample in `Tests/Fixtures/bank` (copied from `../shared/samples/bank`, origins in its
/// SOURCES.md) is read with the values the formats' examples and the upstream projects give:
/// entries, details, credit and debit sums per currency, balances and warnings.
@Suite struct BankSampleTests {
    /// What a test expects of one statement.
    struct Expected {
        var account: String
        var entries: Int
        var details: Int
        var credits: [String: String] = [:]
        var debits: [String: String] = [:]
        var opening: String?
        var closing: String?
    }

    static func sample(_ name: String) throws -> BankFile {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/bank/\(name)").path
        return try BankFileReader.read(path: path)
    }

    static func check(_ file: BankFile, _ expected: [Expected], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(file.statements.count == expected.count, sourceLocation: sourceLocation)
        for (statement, expect) in zip(file.statements, expected) {
            #expect(statement.account == expect.account, sourceLocation: sourceLocation)
            #expect(statement.entries.count == expect.entries, sourceLocation: sourceLocation)
            #expect(statement.entries.reduce(0) { $0 + $1.details.count } == expect.details, sourceLocation: sourceLocation)
            var credits: [String: Int64] = [:]
            var debits: [String: Int64] = [:]
            var digits: [String: Currency] = [:]
            for entry in statement.entries {
                digits[entry.amount.currency.code] = entry.amount.currency
                if entry.amount.minorUnits >= 0 { credits[entry.amount.currency.code, default: 0] += entry.amount.minorUnits }
                else { debits[entry.amount.currency.code, default: 0] -= entry.amount.minorUnits }
            }
            let text = { (sums: [String: Int64]) in
                Dictionary(uniqueKeysWithValues: sums.map { ($0.key, Money(minorUnits: $0.value, currency: digits[$0.key]!).decimalString) })
            }
            #expect(text(credits) == expect.credits, sourceLocation: sourceLocation)
            #expect(text(debits) == expect.debits, sourceLocation: sourceLocation)
            #expect(statement.openingBalance.map { "\($0.amount.decimalString) \($0.amount.currency)" } == expect.opening, sourceLocation: sourceLocation)
            #expect(statement.closingBalance.map { "\($0.amount.decimalString) \($0.amount.currency)" } == expect.closing, sourceLocation: sourceLocation)
        }
    }

    // MARK: camt.053

    @Test func isoBusinessSample() throws {
        let file = try Self.sample("camt053/dvbern_iso_business_sample_camt053.001.04.xml")
        #expect(file.format == .camt053)
        #expect(file.messageID == "AAAASESS-FP-STAT001")
        Self.check(file, [Expected(account: "50000000054910000003", entries: 3, details: 3, credits: ["SEK": "135678.50"],
                                   debits: ["SEK": "200000.00"], opening: "500000.00 SEK", closing: "435678.50 SEK")])
        // The batch of 20 has no TxDtls: one detail made from the entry. The FX detail is in EUR.
        let entries = file.statements[0].entries
        #expect(entries[1].details == [BankDetail(amount: entries[1].amount)])
        #expect(entries[2].details[0].amount == Money(minorUnits: 325_500, currency: try Currency("EUR")))
        #expect(entries[2].details[0].endToEndID == "AAAASS1085FINPSS")
        #expect(entries[0].details[0].debtorName == "MUELLER")
        #expect(file.warnings.count == 2)
        #expect(file.warnings.contains { $0.contains("Ntry[1]") && $0.contains("add up to 0.00") })
        #expect(file.warnings.contains { $0.contains("Ntry[3]") && $0.contains("details in EUR") })
    }

    @Test func postFinanceStatement() throws {
        let file = try Self.sample("camt053/dvbern_postfinance_camt053_20160531.xml")
        Self.check(file, [Expected(account: "CH0309000000250090342", entries: 13, details: 32, credits: ["CHF": "1810.56"],
                                   debits: ["CHF": "1272.95"], opening: "322152.16 CHF", closing: "322689.77 CHF")])
        let entries = file.statements[0].entries
        // dvbern: 5 of the 13 entries are booked credits that are not reversals.
        #expect(entries.filter { $0.amount.isPositive && $0.status == .booked && !$0.reversal }.count == 5)
        // The ISR batch is booked 2016-05-27 with value 2016-05-30; the returns batch 2016-04-06, value 2016-03-23.
        #expect(entries.contains { $0.bookedOn?.isoString == "2016-05-27" && $0.valueOn?.isoString == "2016-05-30" })
        #expect(entries.contains { $0.bookedOn?.isoString == "2016-04-06" && $0.valueOn?.isoString == "2016-03-23" })
        let references = entries.flatMap(\.details).flatMap(\.creditorReferences)
        #expect(!references.isEmpty && references.allSatisfy { $0.type == "ISR Reference" && $0.valid == true })
        #expect(entries.flatMap(\.details).contains { $0.returnReason == "NARR" })
        // Four Ustrd lines, then PostFinance's two AddtlRmtInf lines.
        #expect(entries.flatMap(\.details).contains {
            $0.remittance == ["MUSTER MITTEILUNG 1", "MUSTER MITTEILUNG 2", "MUSTER MITTEILUNG 3", "MUSTER MITTEILUNG 4", "?REJECT?0", "?ERROR?000"]
        })
        #expect(file.warnings.isEmpty)
    }

    @Test func twoStatementsInOneMessage() throws {
        let file = try Self.sample("camt053/genkgo_camt053.v2.multi.statement.xml")
        Self.check(file, [
            Expected(account: "NL26VAYB8060476890", entries: 1, details: 1, credits: ["EUR": "8.85"], opening: "18.15 EUR", closing: "27.00 EUR"),
            Expected(account: "NL26VAYB8060476890", entries: 1, details: 1, debits: ["EUR": "7.00"], opening: "27.00 EUR", closing: "20.00 EUR"),
        ])
    }

    @Test func version8BalancesInTheirOwnCurrencies() throws {
        let file = try Self.sample("camt053/genkgo_camt053.v8.xml")
        // genkgo's test: 1815 EUR opening, −2700 SEK closing (minor units); v8 writes the status as Sts/Cd.
        Self.check(file, [Expected(account: "NL26VAYB8060476890", entries: 1, details: 1, credits: ["EUR": "8.85"],
                                   opening: "18.15 EUR", closing: "-27.00 SEK")])
        #expect(file.statements[0].entries[0].status == .booked)
        #expect(file.statements[0].entries[0].details[0].debtorName == "NAME NAME")
        #expect(file.warnings.contains { $0.contains("opening balance in EUR, closing in SEK") })
    }

    // MARK: camt.054

    @Test func reversalPendingAndSignDisagreement() throws {
        let file = try Self.sample("camt054/dvbern_camt054_reversal_example.xml")
        #expect(file.format == .camt054)
        Self.check(file, [Expected(account: file.statements[0].account, entries: 3, details: 3, credits: ["CHF": "113.00"], debits: ["CHF": "3.00"])])
        let entries = file.statements[0].entries
        // dvbern: a reversed credit, a pending credit, and a debit whose TxDtls says CRDT — no booked, unreversed credit.
        #expect(entries.filter { $0.amount.isPositive && $0.status == .booked && !$0.reversal }.isEmpty)
        #expect(entries.contains { $0.reversal })
        #expect(entries.contains { $0.status == .pending })
        #expect(file.warnings.contains { $0.contains("the detail says CRDT") })
    }

    @Test func postFinanceNotifications() throws {
        let debit = try Self.sample("camt054/dvbern_postfinance_camt054_ESR-ASR_debit_20190425.xml")
        Self.check(debit, [Expected(account: debit.statements[0].account, entries: 1, details: 1, debits: ["CHF": "147.00"])])
        let batch = try Self.sample("camt054/dvbern_postfinance_camt054_ES_20160527.xml")
        // The 620.00 ES batch booked as one entry in the camt.053, detailed here in 8 payments.
        Self.check(batch, [Expected(account: batch.statements[0].account, entries: 1, details: 8, credits: ["CHF": "620.00"])])
        #expect(batch.warnings.isEmpty)
        let qrr = try Self.sample("camt054/dvbern_postfinance_camt054_QRR_v2019_20200619.xml")
        Self.check(qrr, [Expected(account: qrr.statements[0].account, entries: 1, details: 2, credits: ["CHF": "1692.22"])])
        let references = qrr.statements[0].entries[0].details.flatMap(\.creditorReferences)
        #expect(references.count == 2 && references.allSatisfy { $0.type == "QRR" && $0.valid == true })
    }

    @Test func genkgoNotificationWithTwoCreditorReferences() throws {
        let file = try Self.sample("camt054/genkgo_camt054.v4.xml")
        Self.check(file, [Expected(account: file.statements[0].account, entries: 1, details: 3, debits: ["SEK": "200000.00"])])
        // genkgo: two SCOR references in one TxDtls; a SCOR need not be an RF reference (then nothing to check).
        let details = file.statements[0].entries[0].details
        #expect(details.contains { $0.creditorReferences.filter { $0.type == "SCOR" }.count == 2 })
        // Its three details (9.50 CHF, each CRDT) sit under a 200,000 SEK DBIT entry: said, not added up.
        #expect(file.warnings.count == 4)
        #expect(file.warnings.filter { $0.contains("the detail says CRDT") }.count == 3)
        #expect(file.warnings.contains { $0.contains("details in CHF under an entry in SEK") })
    }
}
