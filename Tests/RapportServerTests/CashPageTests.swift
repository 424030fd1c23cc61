import Foundation
import RapportApp
import RapportCore
import RapportTestSupport
import Testing
import VaporTesting

/// `GET /cash` and its decisions: roles, CSRF, one-click candidates, escaping.
@Suite("Web cash application")
struct CashPageTests {
    static let statement = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.04"><BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId></GrpHdr>
        <Stmt><Id>S1</Id><Acct><Id><IBAN>US00BANK0001</IBAN></Id></Acct>
        <Ntry><Amt Ccy="USD">80.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2024-04-02</Dt></BookgDt>
        <AcctSvcrRef>R1</AcctSvcrRef><NtryDtls><TxDtls><Amt Ccy="USD">80.00</Amt><RmtInf><Ustrd>INV I4</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
        <Ntry><Amt Ccy="USD">55.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2024-04-02</Dt></BookgDt>
        <AcctSvcrRef>R2</AcctSvcrRef><NtryDtls><TxDtls><Amt Ccy="USD">55.00</Amt><RltdPties><Dbtr><Nm>&lt;b&gt;Nobody&lt;/b&gt;</Nm></Dbtr></RltdPties></TxDtls></NtryDtls></Ntry>
        </Stmt></BkToCstmrStmt></Document>
        """

    @Test(arguments: TestDatabase.available)
    func aSpecialistDecidesWhatWaits(engine: TestDatabase) async throws {
        try await withWebApp(engine) { app, env in
            let files = try Fixtures()
            defer { files.removeAll() }
            _ = try await env.acting(as: "mona").cash.importFile(path: try files.write("s.xml", Self.statement), apply: true)
            let kim = WebClient(app)
            try await kim.signIn("kim", WebFixture.password)
            let page = try await kim.get("/cash")
            #expect(page.status == .ok && page.body.contains("<title>Cash application"))
            #expect(page.body.contains("BD000002") && page.body.contains("unknown (suspense)"))
            #expect(page.body.contains("&lt;b&gt;Nobody&lt;/b&gt;") && !page.body.contains("<b>Nobody</b>"))
            #expect(page.body.contains("the text &quot;INV I4&quot; names invoice I4"))
            // Without the CSRF token: refused.
            let forged = try await kim.post("/cash/BD000002/reject", [:], csrf: false)
            #expect(forged.status == .forbidden)
            _ = try await kim.get("/cash")
            let applied = try await kim.post("/cash/BD000002/apply", ["invoice_ids": "I1"], formToken: kim.hidden("_form"))
            #expect(applied.status == .seeOther)
            let after = try await kim.get("/cash?flash=cash-applied")
            #expect(after.body.contains("The payment was applied.") && after.body.contains("Nothing waits."))
            #expect(try await env.cash.exceptions().isEmpty)
            #expect(try await env.accounts.ledger("A2", asOf: Day(iso: "2024-04-30")).invoices.first { $0.invoiceID == "I4" }?.open.isZero == true)
            let audit = try await env.audit.list()
            #expect(audit.contains { $0.action == "cash.apply" && $0.actor == "kim" && $0.entityID == "BD000002" })
        }
    }

    @Test(arguments: TestDatabase.available)
    func aDepartmentMemberMayNotAndABadChoiceIsRefused(engine: TestDatabase) async throws {
        try await withWebApp(engine) { app, env in
            let files = try Fixtures()
            defer { files.removeAll() }
            _ = try await env.acting(as: "mona").cash.importFile(path: try files.write("s.xml", Self.statement), apply: true)
            let ivan = WebClient(app)
            try await ivan.signIn("ivan", WebFixture.password)
            #expect(try await ivan.get("/cash").status == .forbidden)
            let mona = WebClient(app)
            try await mona.signIn("mona", WebFixture.password)
            _ = try await mona.get("/cash")
            let refused = try await mona.post("/cash/BD000002/apply", ["invoice_ids": "I4"], formToken: mona.hidden("_form"))
            #expect(refused.status == .unprocessableEntity && refused.body.contains("invoice I4 is not open in USD"))
            _ = try await mona.get("/cash")
            let rejected = try await mona.post("/cash/BD000002/reject", [:], formToken: mona.hidden("_form"))
            #expect(rejected.status == .seeOther)
            #expect(try await env.cash.exceptions().isEmpty)
            #expect(try await mona.get("/cash/BD000002/reject").status == .notFound)
        }
    }
}
