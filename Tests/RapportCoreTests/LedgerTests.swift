import Testing
@testable import RapportCore

@Suite("Ledger rules")
struct LedgerTests {
    let usd = Currency.usd

    func usd(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .usd) }
    func day(_ text: String) -> Day { try! Day(iso: text) }

    func invoice(_ id: String, _ account: String = "A", issued: String = "2024-01-01", lines: [Int64] = [10_000], job: String? = nil) throws -> Invoice {
        try Invoice(
            id: Invoice.ID(id), accountID: Account.ID(account), issueDate: day(issued), dueDate: day(issued),
            lines: lines.map { InvoiceLine(amount: usd($0)) }, jobID: job.map { Job.ID($0) })
    }

    func credit(_ id: String, _ amount: Int64, on: String = "2024-02-01", account: String = "A") -> OpenCredit {
        OpenCredit(source: .payment(Payment.ID(id)), accountID: Account.ID(account), day: day(on), open: usd(amount))
    }

    @Test func invoiceTotalIsTheSumOfItsLinesAndValidated() throws {
        #expect(try invoice("I", lines: [1000, 250, -50]).total == usd(1200))
        #expect(throws: LedgerError.emptyInvoice("I")) { try invoice("I", lines: []) }
        #expect(throws: LedgerError.money(.overflow)) { try invoice("I", lines: [.max, 1]) }
        #expect(throws: LedgerError.dueBeforeIssue("I")) {
            try Invoice(id: "I", accountID: "A", issueDate: day("2024-01-02"), dueDate: day("2024-01-01"), lines: [InvoiceLine(amount: usd(1))])
        }
        let eur = try Currency("EUR")
        #expect(throws: LedgerError.money(.currencyMismatch(usd, eur))) {
            try Invoice(id: "I", accountID: "A", issueDate: day("2024-01-01"), dueDate: day("2024-01-01"),
                        lines: [InvoiceLine(amount: usd(1)), InvoiceLine(amount: Money(minorUnits: 1, currency: eur))])
        }
    }

    @Test func openBalanceIsDerivedFromAllocationsAsOfADay() throws {
        let bill = try invoice("I")
        let allocations = [
            Allocation(source: .payment("P1"), invoiceID: "I", amount: usd(3000), allocatedOn: day("2024-01-10")),
            Allocation(source: .creditMemo("C1"), invoiceID: "I", amount: usd(2000), allocatedOn: day("2024-02-10")),
            Allocation(source: .payment("P2"), invoiceID: "OTHER", amount: usd(9999), allocatedOn: day("2024-01-10")),
        ]
        #expect(try Ledger.openBalance(of: bill, allocations: allocations) == usd(5000))
        #expect(try Ledger.openBalance(of: bill, allocations: allocations, asOf: day("2024-01-31")) == usd(7000))
        #expect(try Ledger.openBalance(of: bill, allocations: allocations, asOf: day("2024-01-09")) == usd(10_000))
        let tooMuch = allocations + [Allocation(source: .payment("P3"), invoiceID: "I", amount: usd(6000), allocatedOn: day("2024-03-01"))]
        #expect(throws: LedgerError.self) { try Ledger.openBalance(of: bill, allocations: tooMuch) }
    }

    @Test func anAllocationCannotExceedEitherSide() throws {
        let bill = OpenInvoice(try invoice("I", lines: [5000]))
        #expect(throws: LedgerError.overAllocated("I", open: usd(5000), requested: usd(5001))) {
            try Ledger.apply(usd(5001), from: credit("P", 9000), to: bill)
        }
        #expect(throws: LedgerError.creditExceeded(.payment("P"), open: usd(100), requested: usd(200))) {
            try Ledger.apply(usd(200), from: credit("P", 100), to: bill)
        }
        #expect(throws: LedgerError.nonPositiveAmount("an allocation")) { try Ledger.apply(usd(0), from: credit("P", 100), to: bill) }
        #expect(throws: LedgerError.self) { try Ledger.apply(usd(10), from: credit("P", 100, account: "B"), to: bill) }
        let result = try Ledger.apply(usd(2000), from: credit("P", 3000), to: bill)
        #expect(result.credit.open == usd(1000))
        #expect(result.invoice.open == usd(3000))
        #expect(result.allocation.allocatedOn == day("2024-02-01"))
    }

    @Test func aPaymentBeforeTheInvoiceCountsFromTheIssueDay() throws {
        let bill = OpenInvoice(try invoice("I", issued: "2024-03-01"))
        let result = try Ledger.apply(usd(100), from: credit("P", 100, on: "2024-02-15"), to: bill)
        #expect(result.allocation.allocatedOn == day("2024-03-01"))
    }

    @Test func oldestOpenFirstAndOverpaymentStaysUnapplied() throws {
        var book = OpenItemBook([
            OpenInvoice(try invoice("I3", issued: "2024-03-01", lines: [300])),
            OpenInvoice(try invoice("I1", issued: "2024-01-01", lines: [100])),
            OpenInvoice(try invoice("I2", issued: "2024-01-01", lines: [200])),
            OpenInvoice(try invoice("X", "B", issued: "2023-01-01", lines: [999])),
        ])
        let first = try book.apply(credit("P1", 250))
        #expect(first.allocations.map(\.invoiceID) == ["I1", "I2"])
        #expect(first.allocations.map(\.amount) == [usd(100), usd(150)])
        #expect(first.unapplied.isZero)
        let second = try book.apply(credit("P2", 500))
        #expect(second.allocations.map(\.invoiceID) == ["I2", "I3"])
        #expect(second.allocations.map(\.amount) == [usd(50), usd(300)])
        #expect(second.unapplied == usd(150))
        #expect(book.invoice("I3")?.open.isZero == true)
        #expect(book.invoice("X")?.open == usd(999))
        #expect(book.changedInvoiceIDs == ["I1", "I2", "I3"])
    }

    @Test func aNamedInvoiceGetsOnlyItsOpenAmount() throws {
        var book = OpenItemBook([
            OpenInvoice(try invoice("I1", lines: [100])), OpenInvoice(try invoice("I2", issued: "2024-02-01", lines: [200])),
        ])
        let result = try book.apply(credit("P", 500), target: "I2")
        #expect(result.allocations.map(\.invoiceID) == ["I2"])
        #expect(result.unapplied == usd(300))
        #expect(book.invoice("I1")?.open == usd(100))
        let paidAgain = try book.apply(credit("P2", 50), target: "I2")
        #expect(paidAgain.allocations.isEmpty && paidAgain.unapplied == usd(50))
        #expect(throws: LedgerError.unknownInvoice("NOPE")) { try book.apply(credit("P3", 1), target: "NOPE") }
        #expect(throws: LedgerError.self) { try book.apply(credit("P4", 1, account: "B"), target: "I1") }
        let eur = try Currency("EUR")
        let euros = OpenCredit(source: .payment("P5"), accountID: "A", day: day("2024-02-01"), open: Money(minorUnits: 1, currency: eur))
        #expect(throws: LedgerError.money(.currencyMismatch(usd, eur))) { try book.apply(euros, target: "I1") }
        #expect(try book.apply(euros).allocations.isEmpty)
    }

    @Test func aDepositIsHeldUntilTheJobIsBilledOffThenGoesToItsFinalInvoice() throws {
        let invoices = [
            OpenInvoice(try invoice("I1", issued: "2024-01-01", job: "J")),
            OpenInvoice(try invoice("I2", issued: "2024-02-01", job: "J")),
            OpenInvoice(try invoice("I3", issued: "2024-03-01", job: "K")),
        ]
        let deposit = Deposit(id: "D", accountID: "A", jobID: "J", receivedOn: day("2023-12-01"), amount: usd(5000))
        #expect(DepositPolicy.finalInvoice(for: deposit, billedOffOn: nil, among: invoices) == nil)
        #expect(DepositPolicy.finalInvoice(for: deposit, billedOffOn: day("2024-01-01"), among: invoices)?.id == "I2")
        // A progress invoice issued before the job was billed off is not the final one.
        #expect(DepositPolicy.finalInvoice(for: deposit, billedOffOn: day("2024-03-01"), among: invoices) == nil)
        var paid = invoices
        paid[1].open = usd(0)
        #expect(DepositPolicy.finalInvoice(for: deposit, billedOffOn: day("2024-01-01"), among: paid)?.id == "I1")
        let none = Deposit(id: "D2", accountID: "A", jobID: "Z", receivedOn: day("2023-12-01"), amount: usd(1))
        #expect(DepositPolicy.finalInvoice(for: none, billedOffOn: day("2024-01-01"), among: invoices) == nil)
    }

    @Test func theRequiredDepositIsHalfThePriceRoundedToTheCent() {
        #expect(DepositPolicy.standard.required(for: usd(100_001)) == usd(50_001))
        #expect(DepositPolicy.standard.required(for: usd(99_999)) == usd(50_000))
        #expect(DepositPolicy(percent: 30).required(for: usd(1_000)) == usd(300))
        #expect(DepositPolicy.standard.required(for: usd(0)) == usd(0))
    }

    @Test func ledgerReportAsOfADay() throws {
        let report = try LedgerReport(
            accountID: "A", asOf: day("2024-02-15"),
            invoices: [
                .init(invoiceID: "I2", issueDate: day("2024-02-01"), dueDate: day("2024-03-02"), total: usd(300), allocated: usd(0)),
                .init(invoiceID: "I1", issueDate: day("2024-01-05"), dueDate: day("2024-01-05"), total: usd(1000), allocated: usd(400)),
                .init(invoiceID: "I9", issueDate: day("2024-03-01"), dueDate: day("2024-03-01"), total: usd(50), allocated: usd(0)),
            ],
            credits: [
                .init(source: .payment("P1"), day: day("2024-02-10"), amount: usd(500), allocated: usd(400)),
                .init(source: .payment("P0"), day: day("2024-01-10"), amount: usd(10), allocated: usd(10)),
            ])
        #expect(report.invoices.map(\.invoiceID) == ["I1", "I2"])
        #expect(report.invoices.map(\.open) == [usd(600), usd(300)])
        #expect(report.invoices.map(\.daysPastDue) == [41, 0])
        #expect(report.credits.map(\.unapplied) == [usd(100)])
        #expect(report.balances[.usd] == usd(800))
        #expect(throws: LedgerError.self) {
            try LedgerReport(accountID: "A", asOf: day("2024-02-15"), invoices: [
                .init(invoiceID: "I", issueDate: day("2024-01-01"), dueDate: day("2024-01-01"), total: usd(1), allocated: usd(2)),
            ], credits: [])
        }
    }

    @Test func termsGiveDueDateAndCollectionStart() {
        #expect(Terms.standard.dueDate(issuedOn: day("2024-01-31")) == day("2024-01-31"))
        #expect(Terms.standard.collectionStart(issuedOn: day("2024-01-31")) == day("2024-03-01"))
        #expect(Terms(dueDays: 30, collectionStartDays: 45).dueDate(issuedOn: day("2024-02-15")) == day("2024-03-16"))
    }
}

@Suite("SplitMix64")
struct SplitMix64Tests {
    @Test func sameSeedSameSequenceAndKnownFirstValue() {
        var a = SplitMix64(seed: 42)
        var b = SplitMix64(seed: 42)
        let first = a.next()
        #expect(first == b.next())
        // SplitMix64's reference output for seed 0 starts with 0xE220A8397B1DCDAF.
        var zero = SplitMix64(seed: 0)
        #expect(zero.next() == 0xE220_A839_7B1D_CDAF)
        #expect((0..<100).map { _ in Int.random(in: 0..<10, using: &a) } == (0..<100).map { _ in Int.random(in: 0..<10, using: &b) })
    }
}
