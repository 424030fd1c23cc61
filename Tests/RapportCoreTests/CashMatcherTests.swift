import Testing
@testable import RapportCore

/// The cash-application ladder, one rung at a time, and what it must never do automatically.
@Suite struct CashMatcherTests {
    let usd = Currency.usd

    func money(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: usd) }

    func invoice(_ id: String, _ account: String, _ open: Int64, day: Int = 1) -> OpenInvoiceForCash {
        OpenInvoiceForCash(id: Invoice.ID(id), accountID: Account.ID(account), open: money(open), issueDate: try! Day(year: 2024, month: 1, day: day))
    }

    var payers: [PayerForCash] {
        [
            PayerForCash(accountID: "A1001", name: "Acme Inc.", bankAccounts: ["CH93 0076 2011 6238 5295 7"]),
            PayerForCash(accountID: "A1002", name: "Bolt Builders LLC"),
            PayerForCash(accountID: "A1003", name: "Bolt Site 3", parentID: "A1002"),
        ]
    }

    var invoices: [OpenInvoiceForCash] {
        [
            invoice("INV-1042", "A1001", 100_00, day: 1), invoice("INV-1043", "A1001", 250_00, day: 2),
            invoice("INV-1047", "A1001", 75_50, day: 3), invoice("INV-2001", "A1002", 500_00, day: 4),
            invoice("INV-2002", "A1002", 500_00, day: 5), invoice("INV-2003", "A1003", 120_00, day: 6),
            invoice("INV-100123", "A1002", 40_000_00, day: 7),
        ]
    }

    func matcher(_ rules: CashMatchingRules = CashMatchingRules()) -> CashMatcher {
        CashMatcher(invoices: invoices, payers: payers, rules: rules)
    }

    @Test func aValidStructuredReferencePaysItsInvoice() {
        // RF + check digits + the number without punctuation (CONTRACTS).
        let reference = "RF" + String(format2(98 - mod97("INV100123RF00"))) + "INV100123"
        #expect(CreditorReference.checkDigitValid(reference) == true)
        let detail = BankDetail(amount: money(40_000_00), creditorReferences: [CreditorReference(type: "SCOR", value: reference)])
        let proposal = matcher().propose(detail)
        #expect(proposal.rule == .structuredReference && proposal.automatic && proposal.confidence == 99)
        #expect(proposal.allocations == [.init(invoiceID: "INV-100123", amount: money(40_000_00))])
        #expect(proposal.accountID == "A1002")
    }

    @Test func aWrongCheckDigitIsNotUsed() {
        let detail = BankDetail(amount: money(40_000_00), creditorReferences: [CreditorReference(type: "SCOR", value: "RF00INV100123")])
        let proposal = matcher().propose(detail)
        #expect(proposal.rule == .residual && !proposal.automatic && proposal.accountID == nil)
        #expect(proposal.evidence.contains { $0.contains("wrong check digit") })
    }

    @Test func invoiceNumbersWrittenTheWaysPeopleWriteThem() {
        for text in ["INV 1042/1043/1047", "Inv-1042, inv.1043 and INV#1047", "payment 1042 1043 1047"] {
            let proposal = matcher().propose(BankDetail(amount: money(425_50), remittance: [text]))
            #expect(proposal.rule == .invoiceNumber && proposal.automatic, "\(text)")
            #expect(proposal.allocations.map(\.invoiceID) == ["INV-1042", "INV-1043", "INV-1047"], "\(text)")
            #expect(proposal.unapplied == nil && proposal.shortfall == nil && proposal.writeOff == nil)
        }
    }

    @Test func aShortPaymentBeyondTheToleranceIsAppliedAndDisputed() {
        // 95 % of INV-1043 because the installation is unfinished.
        let proposal = matcher().propose(BankDetail(amount: money(237_50), remittance: ["INV-1043 less 5% punch list open"]))
        #expect(proposal.automatic)
        #expect(proposal.allocations == [.init(invoiceID: "INV-1043", amount: money(237_50))])
        #expect(proposal.shortfall == .init(invoiceID: "INV-1043", amount: money(12_50)) && proposal.writeOff == nil)
    }

    @Test func aShortPaymentWithinTheToleranceIsWrittenOff() {
        // 0.50 short of 250.00: within 1.00 and within 0.5 % (1.25).
        let proposal = matcher().propose(BankDetail(amount: money(249_50), remittance: ["INV-1043"]))
        #expect(proposal.writeOff == .init(invoiceID: "INV-1043", amount: money(50)) && proposal.shortfall == nil)
        // 0.80 short of 100.00 is within 1.00 but above 0.5 % (0.50): disputed.
        let small = matcher().propose(BankDetail(amount: money(99_20), remittance: ["INV-1042"]))
        #expect(small.shortfall == .init(invoiceID: "INV-1042", amount: money(80)) && small.writeOff == nil)
    }

    @Test func anOverpaymentPaysTheInvoiceAndLeavesTheRestOnTheCustomer() {
        let proposal = matcher().propose(BankDetail(amount: money(110_00), remittance: ["INV-1042"]))
        #expect(proposal.allocations == [.init(invoiceID: "INV-1042", amount: money(100_00))])
        #expect(proposal.unapplied == money(10_00) && proposal.accountID == "A1001" && proposal.automatic)
    }

    @Test func aKnownBankAccountAndTheExactAmount() {
        let detail = BankDetail(amount: money(75_50), debtorName: "ACME", debtorAccount: "CH9300762011623852957")
        let proposal = matcher().propose(detail)
        #expect(proposal.rule == .customerAndAmount && proposal.automatic && proposal.confidence == 90)
        #expect(proposal.allocations == [.init(invoiceID: "INV-1047", amount: money(75_50))])
    }

    @Test func theNameWithoutItsLegalFormIdentifiesTheCustomer() {
        let proposal = matcher().propose(BankDetail(amount: money(250_00), debtorName: "ACME"))
        #expect(proposal.rule == .customerAndAmount && proposal.allocations.map(\.invoiceID) == ["INV-1043"] && proposal.confidence == 80)
    }

    @Test func twoOpenInvoicesOfTheSameAmountWaitForAPerson() {
        let proposal = matcher().propose(BankDetail(amount: money(500_00), debtorName: "Bolt Builders"))
        #expect(!proposal.automatic && proposal.allocations.isEmpty)
        #expect(proposal.candidates.map(\.invoiceIDs) == [["INV-2001"], ["INV-2002"]])
    }

    @Test func theOneCombinationThatAddsUpIsApplied() {
        // 100.00 + 75.50 = 175.50, and no other set of Acme's invoices adds up to it.
        let proposal = matcher().propose(BankDetail(amount: money(175_50), debtorName: "Acme Inc"))
        #expect(proposal.rule == .customerAndCombination && proposal.automatic)
        #expect(proposal.allocations.map(\.invoiceID) == ["INV-1042", "INV-1047"])
        // Not automatic when step 4 is above the threshold.
        #expect(!matcher(CashMatchingRules(autoApplyThrough: 3)).propose(BankDetail(amount: money(175_50), debtorName: "Acme Inc")).automatic)
    }

    @Test func twoCombinationsAreAmbiguous() {
        // Bolt's family: 500 + 120 twice over (INV-2001 or INV-2002 with INV-2003 of its site).
        let proposal = matcher().propose(BankDetail(amount: money(620_00), debtorName: "Bolt Builders LLC"))
        #expect(proposal.rule == .customerAndCombination && !proposal.automatic)
        #expect(proposal.candidates.map(\.invoiceIDs) == [["INV-2001", "INV-2003"], ["INV-2002", "INV-2003"]])
    }

    @Test func anUnknownPayerGoesToSuspense() {
        let proposal = matcher().propose(BankDetail(amount: money(33_00), remittance: ["thanks"], debtorName: "Someone Else"))
        #expect(proposal.rule == .residual && proposal.accountID == nil && !proposal.automatic)
    }

    @Test func aKnownPayerWithNothingToMatchKeepsUnappliedCash() {
        let proposal = matcher().propose(BankDetail(amount: money(33_00), debtorName: "Acme"))
        #expect(proposal.rule == .residual && proposal.accountID == "A1001" && proposal.unapplied == money(33_00) && !proposal.automatic)
    }

    @Test func anotherCustomersInvoiceIsNeverAppliedAutomatically() {
        let proposal = matcher().propose(BankDetail(amount: money(500_00), remittance: ["INV-2001"], debtorAccount: "CH93 0076 2011 6238 5295 7"))
        #expect(!proposal.automatic && proposal.evidence.contains { $0.contains("not the paying customer's") })
    }

    @Test func aParentPayingItsSitesInvoiceIsItsOwnFamily() {
        let proposal = matcher().propose(BankDetail(amount: money(120_00), remittance: ["INV-2003"], debtorName: "Bolt Builders"))
        #expect(proposal.automatic && proposal.accountID == "A1003")
    }

    @Test func anAppliedInvoiceIsNotPaidTwiceInOneFile() {
        var matcher = matcher()
        let first = matcher.match(BankDetail(amount: money(100_00), remittance: ["INV-1042"]))
        let second = matcher.match(BankDetail(amount: money(100_00), remittance: ["INV-1042"]))
        #expect(first.automatic && first.allocations.count == 1)
        #expect(second.allocations.isEmpty && second.evidence.contains { $0.contains("no open invoice") })
    }

    @Test func aMistypedNumberOfAnotherCustomersInvoiceFromAKnownAccountIsReadByTheAmount() {
        // INV-2001 is Bolt's (500.00); Acme pays 75.50 from its known account: its one invoice of 75.50.
        let proposal = matcher().propose(BankDetail(amount: money(75_50), remittance: ["INV-2001"], debtorAccount: "CH9300762011623852957"))
        #expect(proposal.automatic && proposal.rule == .customerAndAmount && proposal.allocations.map(\.invoiceID) == ["INV-1047"])
        #expect(proposal.evidence.contains { $0.contains("mistyped number") })
        // Identified only by name, it waits.
        #expect(!matcher().propose(BankDetail(amount: money(75_50), remittance: ["INV-2001"], debtorName: "Acme")).automatic)
    }

    @Test func anRFReferenceWrittenInTheTextIsAStructuredReference() {
        let proposal = matcher().propose(BankDetail(amount: money(40_000_00), remittance: ["REF RF68INV100123 THANKS"]))
        #expect(proposal.rule == .structuredReference && proposal.automatic && proposal.allocations.map(\.invoiceID) == ["INV-100123"])
    }

    @Test func outgoingMoneyIsNotMatched() {
        #expect(!matcher().propose(BankDetail(amount: money(-10_00), remittance: ["INV-1042"])).automatic)
    }

    @Test func mentions() {
        #expect(CashText.mentions("INV-1042").compact == ["INV1042"])
        #expect(CashText.mentions("Inv 1042/1043").compact == ["INV1042"])
        #expect(CashText.mentions("Inv 1042/1043").digits == ["1042", "1043"])
        #expect(CashText.mentions("paid 22/03/66").digits.isEmpty)
        #expect(CashText.nameKey("The Acme Co., Ltd.") == "ACME")
    }

    private func mod97(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { remainder, scalar in
            scalar.value >= 65 ? (remainder * 100 + Int(scalar.value) - 55) % 97 : (remainder * 10 + Int(scalar.value) - 48) % 97
        }
    }

    private func format2(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
