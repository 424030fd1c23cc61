import Testing
@testable import RapportCore

/// Metrics computed from whole ledgers: Rapport's own edge cases, each worked by hand in the comment.
@Suite("Receivables metrics on a ledger")
struct LedgerMetricsTests {
    func day(_ text: String) -> Day { try! Day(iso: text) }
    func usd(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .usd) }
    func period(_ from: String, _ to: String) -> Period { try! Period(from: day(from), to: day(to)) }

    func invoice(_ id: String, _ issued: String, _ amount: Int64, due: String? = nil, account: String = "A") -> Invoice {
        try! Invoice(id: Invoice.ID(id), accountID: Account.ID(account), issueDate: day(issued), dueDate: day(due ?? issued),
                     lines: [InvoiceLine(amount: usd(amount))])
    }

    func paid(_ payment: String, _ invoice: String, _ on: String, _ amount: Int64) -> Allocation {
        Allocation(source: .payment(Payment.ID(payment)), invoiceID: Invoice.ID(invoice), amount: usd(amount), allocatedOn: day(on))
    }

    func payment(_ id: String, _ on: String, _ amount: Int64, account: String = "A") -> Payment {
        Payment(id: Payment.ID(id), accountID: Account.ID(account), receivedOn: day(on), amount: usd(amount))
    }

    @Test func agingBucketsByDueDateWithDueTodayCurrent() {
        // As of Mar 31: due Mar 31 → current; due Mar 30 → 1 day (1-30); Mar 1 → 30 (1-30);
        // Feb 29 → 31 (31-60); Jan 31 → 60 (31-60); Jan 30 → 61 (61-90); Dec 31 → 91 (91+).
        let invoices = [
            invoice("a", "2024-03-31", 100), invoice("b", "2024-03-30", 200), invoice("c", "2024-03-01", 300),
            invoice("d", "2024-02-29", 400), invoice("e", "2024-01-31", 500), invoice("f", "2024-01-30", 600),
            invoice("g", "2023-12-31", 700),
        ]
        let aging = AgingSnapshot(ReceivableFacts(currency: .usd, invoices: invoices), asOf: day("2024-03-31"))
        #expect(aging.buckets.labels == ["current", "1-30", "31-60", "61-90", "91+"])
        #expect(aging.amounts == [100, 500, 900, 600, 700])
        #expect(aging.total == 2800)
    }

    @Test func collectionBasisAgesFromDayThirty() {
        // Issued Feb 1 and due on receipt: 59 days past due on Mar 31 but only 29 past the
        // collection start (Mar 2).
        let facts = ReceivableFacts(currency: .usd, invoices: [invoice("a", "2024-02-01", 1000)])
        #expect(AgingSnapshot(facts, asOf: day("2024-03-31"), basis: .due).amounts == [0, 0, 1000, 0, 0])
        #expect(AgingSnapshot(facts, asOf: day("2024-03-31"), basis: .collection).amounts == [0, 1000, 0, 0, 0])
        #expect(AgingSnapshot(facts, asOf: day("2024-03-02"), basis: .collection).amounts == [1000, 0, 0, 0, 0])
    }

    @Test func leapYearFebruaryHasTwentyNineDays() throws {
        // Feb 2024: sales 2,900, AR 1,450 at Feb 29 → DSO 1450/2900 × 29 = 14.5; countback 14.5 too.
        let facts = ReceivableFacts(currency: .usd, invoices: [invoice("a", "2024-02-01", 1450), invoice("b", "2024-02-29", 1450)],
                                    allocations: [paid("p", "a", "2024-02-10", 1450)])
        let metrics = ReceivableMetrics(facts, period: period("2024-02-01", "2024-02-29"))
        #expect(metrics.periodDays == 29)
        #expect(metrics.dso == 14.5)
        #expect(metrics.dsoCountback == 14.5)
        #expect(!metrics.dsoCountbackIsLowerBound)
        #expect(try Period(from: day("2023-02-01"), to: day("2023-02-28")).days == 28)
    }

    @Test func arBeyondTheAvailableHistoryIsALowerBound() {
        // One unpaid invoice of 3,000 issued Jan 15; January–March sales are 3,000, 0, 0 → the walk
        // counts March (31) and February (29) in full, then January: 3,000 ÷ 3,000 × 31 = 31 → 91,
        // exactly exhausted.
        let facts = ReceivableFacts(currency: .usd, invoices: [invoice("a", "2024-01-15", 3000)])
        let exact = ReceivableMetrics(facts, period: period("2024-03-01", "2024-03-31"))
        #expect(exact.dsoCountback == 91 && !exact.dsoCountbackIsLowerBound)
        // A credit memo in February makes net sales smaller than AR: the walk runs out of months.
        let memo = CreditMemo(id: "m", accountID: "A", issuedOn: day("2024-02-10"), amount: usd(1000))
        let beyond = ReceivableMetrics(
            ReceivableFacts(currency: .usd, invoices: [invoice("a", "2024-01-15", 3000)], creditMemos: [memo]),
            period: period("2024-03-01", "2024-03-31"))
        // AR = 3,000 − 1,000 unapplied memo = 2,000; March 0 (31), February −1,000 net sales (29:
        // subtracting a negative month adds 1,000, 3,000 left), January 3,000 ≥ 3,000 → 31 → 91.
        #expect(beyond.dsoCountback == 91 && !beyond.dsoCountbackIsLowerBound)
        // Sales history known only from March on (an older ledger not loaded): AR 3,010 cannot be
        // explained by March's 10 → 31 days, marked as a lower bound.
        let ledger = ReceivableFacts(currency: .usd, invoices: [invoice("old", "2023-06-01", 3000), invoice("z", "2024-03-20", 10)])
        let recent = SalesCalendar(ReceivableFacts(currency: .usd, invoices: [invoice("z", "2024-03-20", 10)]))
        let lower = ReceivableMetrics(ledger, period: period("2024-03-01", "2024-03-31"), sales: recent)
        #expect(lower.dsoCountback == 31 && lower.dsoCountbackIsLowerBound)
    }

    @Test func zeroSalesMonthsAreCountedInFullAndUndefinedDsoIsNil() {
        // An invoice of 600 from January, nothing billed in February or March: March DSO has no
        // sales (nil, not 0); countback walks March (31) and February (29) in full, then all of
        // January's 600 covers the 600 open → 31 more = 91.
        let facts = ReceivableFacts(currency: .usd, invoices: [invoice("a", "2024-01-01", 600)])
        let metrics = ReceivableMetrics(facts, period: period("2024-03-01", "2024-03-31"))
        #expect(metrics.creditSales == 0)
        #expect(metrics.dso == nil && metrics.bestPossibleDso == nil && metrics.averageDaysDelinquent == nil)
        #expect(metrics.dsoCountback == 91)
        // CEI: (600 + 0 − 600) ÷ (600 + 0 − 0) = 0 % — nothing was collected of what was collectable.
        #expect(metrics.cei == 0)
    }

    @Test func creditMemosReduceSalesAndCountAsUnappliedUntilApplied() {
        // January: invoice 1,000; credit memo 200 on Jan 20 applied to it on Jan 25.
        // Net credit sales 800; AR = 1,000 − 200 = 800; DSO 800/800 × 31 = 31.
        let memo = CreditMemo(id: "m", accountID: "A", issuedOn: day("2024-01-20"), amount: usd(200))
        let allocation = Allocation(source: .creditMemo("m"), invoiceID: "a", amount: usd(200), allocatedOn: day("2024-01-25"))
        let facts = ReceivableFacts(currency: .usd, invoices: [invoice("a", "2024-01-05", 1000)], creditMemos: [memo], allocations: [allocation])
        let metrics = ReceivableMetrics(facts, period: period("2024-01-01", "2024-01-31"))
        #expect(metrics.creditSales == 800 && metrics.endingAR == 800)
        #expect(metrics.dso == 31)
        // Between the memo and its application the memo is unapplied: AR is still 800 on Jan 22.
        #expect(AgingSnapshot.total(facts, asOf: day("2024-01-22")) == 800)
    }

    @Test func partialPaymentsLeaveTheRestOpenAndTimingCountsOnlyPaidInvoices() {
        // a: 1,000 issued Jan 1 due Jan 31, paid 400 Jan 20 and 600 Feb 10 → paid in full Feb 10
        //    (40 days to pay, 10 beyond terms). b: 500 issued Jan 10 due Jan 10, paid 200 Feb 5 → open.
        // c: 300 issued Feb 1 due Feb 1, paid in full Feb 1 → 0 days, 0 beyond terms.
        let facts = ReceivableFacts(
            currency: .usd,
            invoices: [invoice("a", "2024-01-01", 1000, due: "2024-01-31"), invoice("b", "2024-01-10", 500), invoice("c", "2024-02-01", 300)],
            payments: [payment("p1", "2024-01-20", 400), payment("p2", "2024-02-10", 600), payment("p3", "2024-02-05", 200), payment("p4", "2024-02-01", 300)],
            allocations: [paid("p1", "a", "2024-01-20", 400), paid("p2", "a", "2024-02-10", 600), paid("p3", "b", "2024-02-05", 200), paid("p4", "c", "2024-02-01", 300)])
        let metrics = ReceivableMetrics(facts, period: period("2024-02-01", "2024-02-29"))
        #expect(metrics.endingAR == 300)
        #expect(metrics.beginningAR == 1100)
        #expect(metrics.timing.averageDaysToPay == 20)          // (40 + 0) / 2
        #expect(abs(metrics.timing.weightedAverageDaysToPay! - 40_000.0 / 1300) < 1e-9)
        #expect(metrics.timing.averageDaysBeyondTerms == 5)     // (10 + 0) / 2
        // CEI: (1,100 + 300 − 300) ÷ (1,100 + 300 − 0) × 100; b is 50 days past due, so current is 0.
        #expect(abs(metrics.cei! - 1100.0 / 1400 * 100) < 1e-9)
    }

    @Test func paymentBeforeIssueIsUnappliedCreditUntilTheInvoiceExists() {
        // Payment of 500 received Mar 5 for an invoice issued Mar 10 (allocated Mar 10).
        // Mar 7: AR −500 (credit, 2 days old → 1-30 bucket). Mar 10: AR 0.
        let facts = ReceivableFacts(currency: .usd, invoices: [invoice("a", "2024-03-10", 500)],
                                    payments: [payment("p", "2024-03-05", 500)], allocations: [paid("p", "a", "2024-03-10", 500)])
        #expect(AgingSnapshot(facts, asOf: day("2024-03-07")).amounts == [0, -500, 0, 0, 0])
        #expect(AgingSnapshot(facts, asOf: day("2024-03-10")).total == 0)
        #expect(AgingSnapshot(facts, asOf: day("2024-03-04")).total == 0)
    }

    @Test func aCreditBalanceGivesNegativeARAndNoCountback() {
        // Overpayment: invoice 100, payment 150 → AR −50 at month end; DSO −50/100 × 31 = −15.5;
        // percent current: the −50 credit is 0 days old on the 31st → current −50 of −50 = 100 %.
        let facts = ReceivableFacts(currency: .usd, invoices: [invoice("a", "2024-01-05", 100)],
                                    payments: [payment("p", "2024-01-31", 150)], allocations: [paid("p", "a", "2024-01-31", 100)])
        let metrics = ReceivableMetrics(facts, period: period("2024-01-01", "2024-01-31"))
        #expect(metrics.endingAR == -50)
        #expect(metrics.dso == -15.5)
        #expect(metrics.dsoCountback == 0 && !metrics.dsoCountbackIsLowerBound)
        #expect(metrics.percentCurrent == 100)
    }

    @Test func asOfAPastDayOnlyCountsWhatHappenedByThen() {
        let facts = ReceivableFacts(currency: .usd, invoices: [invoice("a", "2024-01-05", 100), invoice("b", "2024-02-05", 70)],
                                    payments: [payment("p", "2024-02-01", 100)], allocations: [paid("p", "a", "2024-02-01", 100)])
        #expect(AgingSnapshot.total(facts, asOf: day("2024-01-31")) == 100)
        #expect(AgingSnapshot.total(facts, asOf: day("2024-02-01")) == 0)
        #expect(AgingSnapshot.total(facts, asOf: day("2024-02-05")) == 70)
    }

    @Test func trendGivesOneValuePerCalendarMonth() {
        let facts = ReceivableFacts(currency: .usd, invoices: [invoice("a", "2024-01-01", 310), invoice("b", "2024-02-01", 290)])
        let trend = TrendMetric.dso.monthly(facts, range: period("2024-01-15", "2024-03-31"))
        #expect(trend.map(\.month.from.isoString) == ["2024-01-15", "2024-02-01", "2024-03-01"])
        // January 15–31: no sales in the clipped month → nil. February: AR 600, sales 290, 29 days.
        #expect(trend[0].value == nil)
        #expect(abs(trend[1].value! - 600.0 / 290 * 29) < 1e-9)
        #expect(trend[2].value == nil)
    }

    @Test func breakdownByGroupPartitionsTheLedger() {
        let facts = ReceivableFacts(
            currency: .usd, invoices: [invoice("a", "2024-01-05", 100, account: "R"), invoice("b", "2024-01-06", 300, account: "C")],
            groupNames: ["residential", "commercial"], group: { $0 == "R" ? 0 : 1 })
        let parts = facts.partitioned()
        #expect(parts.map(\.name) == ["residential", "commercial"])
        #expect(parts.map { AgingSnapshot.total($0.facts, asOf: day("2024-01-31")) } == [100, 300])
    }

    @Test func customBucketsAndValidation() throws {
        let buckets = try AgingBuckets(limits: [15, 45])
        #expect(buckets.labels == ["current", "1-15", "16-45", "46+"])
        #expect([0, 1, 15, 16, 45, 46, 1000].map(buckets.index) == [0, 1, 1, 2, 2, 3, 3])
        #expect(throws: MetricsError.self) { try AgingBuckets(limits: [30, 30]) }
        #expect(throws: MetricsError.self) { try AgingBuckets(limits: []) }
        #expect(throws: MetricsError.self) { try Period(from: day("2024-02-02"), to: day("2024-02-01")) }
        #expect(try Period(from: day("2024-01-15"), to: day("2024-02-14")).months == 2)
    }
}

@Suite("Trend metrics")
struct TrendMetricTests {
    @Test func everyTrendMetricReadsItsOwnValue() throws {
        let day = { (text: String) in try! Day(iso: text) }
        let invoice = try Invoice(id: "a", accountID: "A", issueDate: day("2024-01-01"), dueDate: day("2024-01-11"),
                                  lines: [InvoiceLine(amount: Money(minorUnits: 1000, currency: .usd))])
        let allocation = Allocation(source: .payment("p"), invoiceID: "a", amount: Money(minorUnits: 1000, currency: .usd), allocatedOn: day("2024-01-21"))
        let facts = ReceivableFacts(currency: .usd, invoices: [invoice], allocations: [allocation])
        let metrics = ReceivableMetrics(facts, period: try Period(from: day("2024-01-01"), to: day("2024-01-31")))
        #expect(TrendMetric.averageDaysToPay.value(in: metrics) == 20)
        #expect(TrendMetric.averageDaysBeyondTerms.value(in: metrics) == 10)
        #expect(TrendMetric.weightedAverageDaysToPay.value(in: metrics) == 20)
        #expect(TrendMetric.dso.value(in: metrics) == 0)
        #expect(TrendMetric.bestPossibleDso.value(in: metrics) == 0)
        #expect(TrendMetric.averageDaysDelinquent.value(in: metrics) == 0)
        #expect(TrendMetric.percentCurrent.value(in: metrics) == nil)
        #expect(TrendMetric.dsoCountback.value(in: metrics) == 0)
        #expect(TrendMetric.cei.value(in: metrics) == 100)
    }
}
