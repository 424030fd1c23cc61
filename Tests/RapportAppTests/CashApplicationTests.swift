import Foundation
import RapportApp
import RapportCore
import RapportImport
import RapportStore
import RapportTestSupport
import Testing

/// `rapport import bank` end to end on both databases: stored once, applied only when sure,
/// short payments disputed, the rest decided by a person.
@Suite("Cash application on both databases")
struct CashApplicationTests {
    /// A camt.053 with one statement; each entry (amount, CRDT/DBIT, BOOK/PDNG, reference, debtor, text).
    static func camt(_ entries: [(String, String, String, String, String, String)]) -> String {
        let body = entries.map { amount, indicator, status, reference, debtor, text in
            """
            <Ntry><Amt Ccy="USD">\(amount)</Amt><CdtDbtInd>\(indicator)</CdtDbtInd><Sts>\(status)</Sts>
            <BookgDt><Dt>2024-04-02</Dt></BookgDt><ValDt><Dt>2024-04-02</Dt></ValDt><AcctSvcrRef>\(reference)</AcctSvcrRef>
            <NtryDtls><TxDtls><Amt Ccy="USD">\(amount)</Amt><CdtDbtInd>\(indicator)</CdtDbtInd>
            <RltdPties><Dbtr><Nm>\(debtor)</Nm></Dbtr><DbtrAcct><Id><IBAN>CH93\(reference)</IBAN></Id></DbtrAcct></RltdPties>
            <RmtInf><Ustrd>\(text)</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
            """
        }.joined(separator: "\n")
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.04"><BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId></GrpHdr>
            <Stmt><Id>S1</Id><Acct><Id><IBAN>US00BANK0001</IBAN></Id></Acct>
            \(body)
            </Stmt></BkToCstmrStmt></Document>
            """
    }

    static let statement = camt([
        ("300.00", "CRDT", "BOOK", "R1", "Acme", "Invoice I2"),
        ("1240.50", "CRDT", "BOOK", "R2", "Acme", "I1 less the unfinished punch list"),
        ("49.99", "CRDT", "BOOK", "R3", "Jane Doe", "thank you"),
        ("80.00", "CRDT", "BOOK", "R4", "Somebody Else", "payment"),
        ("99.00", "CRDT", "PDNG", "R5", "Acme", "I2"),
        ("15.00", "DBIT", "BOOK", "R6", "Bank", "fees"),
    ])

    @Test(arguments: TestDatabase.available)
    func applyWhatIsSureDisputeShortPaymentsAndLetAPersonDecide(engine: TestDatabase) async throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        try await engine.withDatabase { db in
            try await db.importFixtures([.accounts, .locations, .invoices], files: files)
            let app = db.app().acting(as: "mona")
            let path = try files.write("statement.xml", Self.statement)
            let first = try await app.cash.importFile(path: path, apply: true)
            #expect(first.detailsRead == 6 && first.detailsNew == 6)
            #expect(first.applied == 3 && first.waiting == 1 && first.pending == 1 && first.outgoing == 1)
            #expect(first.paymentsWritten == 3 && first.disputes == 1 && first.writeOffs == 0)
            // I2 and I3 paid in full; I1 paid but for the 10.00 short, held by a dispute case.
            let ledger = try await app.accounts.ledger("A1", asOf: Day(iso: "2024-04-30"))
            #expect(ledger.invoices.first { $0.invoiceID == "I2" }?.open.isZero == true)
            #expect(ledger.invoices.first { $0.invoiceID == "I1" }?.open.decimalString == "10.00")
            let cases = try await app.repositories.cases.fetchCases(department: nil, status: nil, account: "A1")
            #expect(cases.count == 1 && cases[0].category == .dispute && cases[0].amountOnHold.decimalString == "10.00")
            #expect(try await app.accounts.ledger("R1", asOf: Day(iso: "2024-04-30")).invoices.allSatisfy { $0.open.isZero })

            // The same file again: nothing new, nothing applied twice.
            let again = try await app.cash.importFile(path: path, apply: true)
            #expect(again.alreadyImportedAs != nil && again.detailsNew == 0 && again.applied == 0 && again.waiting == 1)

            // The unknown payer waits, with nothing to suggest; a person applies it to I4 of A2.
            let waiting = try await app.cash.exceptions()
            #expect(waiting.count == 1 && waiting[0].detail.amount.decimalString == "80.00" && waiting[0].proposal?.accountID == nil)
            let decided = try await app.cash.apply(waiting[0].id, invoices: ["I4"])
            #expect(decided.state == .applied && decided.decidedBy == "mona")
            #expect(try await app.accounts.ledger("A2", asOf: Day(iso: "2024-04-30")).invoices.first { $0.invoiceID == "I4" }?.open.isZero == true)
            #expect(try await app.cash.exceptions().isEmpty)
            await #expect(throws: AppError.conflict("bank detail \(decided.id) is applied, not waiting")) { _ = try await app.cash.reject(decided.id) }
            // The person's match taught the payer's bank account to A2.
            let known = try await app.repositories.bank.fetchBankAccounts()
            #expect(known.contains { $0.bankAccount == "CH93R4" && $0.accountID == "A2" })
            let audit = try await app.audit.list().map(\.action)
            #expect(audit.filter { $0 == "cash.apply" }.count == 4 && audit.contains("bank.import"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func withoutApplyNothingIsPostedAndRejectedDetailsStayOut(engine: TestDatabase) async throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        try await engine.withDatabase { db in
            try await db.importFixtures([.accounts, .locations, .invoices], files: files)
            let app = db.app().acting(as: "mona")
            let result = try await app.cash.importFile(path: try files.write("statement.xml", Self.statement), apply: false)
            #expect(result.applied == 0 && result.waiting == 4 && result.paymentsWritten == 0)
            let waiting = try await app.cash.exceptions()
            #expect(waiting.map { $0.proposal?.automatic } == [true, true, true, false])
            #expect(try await app.accounts.ledger("A1", asOf: Day(iso: "2024-04-30")).invoices.allSatisfy { !$0.open.isZero })
            let rejected = try await app.cash.reject(waiting[3].id)
            let left = try await app.cash.exceptions()
            #expect(rejected.state == .rejected && left.count == 3)
        }
    }
}
