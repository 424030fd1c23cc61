/// Moving a customer who cannot pay an annual bill to monthly billing instead of disconnecting
/// them: what is still open on the annual invoice is credited and re-billed in monthly invoices
/// over the rest of the billing year, prorated by days.
public struct BillingFrequencyChange: Hashable, Sendable {
    /// One monthly invoice of the new schedule, covering `from` up to (not including) `until`.
    public struct MonthlyBill: Hashable, Sendable {
        public var from: Day
        public var until: Day
        public var amount: Money
    }

    /// The credit memo on the annual invoice: what was open on it.
    public var credit: Money
    /// The monthly invoices that re-bill it; their amounts add up to `credit` exactly.
    public var bills: [MonthlyBill]

    /// Why a change cannot be made.
    public enum Problem: Error, Hashable, Sendable {
        case nothingOpen
        case outsideBillingYear(effective: Day, start: Day, end: Day)
    }

    /// The plan for re-billing `open` monthly from `effective` to the end of the billing year that
    /// starts on `yearStart`. Months run from the year start's day of the month (a 31st falls on
    /// shorter months' last day); the first bill covers the part-month from `effective`. Each bill's
    /// share is the open amount times the days it covers over the days left, rounded so the running
    /// totals stay exact: the bills always add up to the open amount.
    public static func annualToMonthly(open: Money, yearStart: Day, effective: Day) throws(Problem) -> BillingFrequencyChange {
        guard open.isPositive else { throw .nothingOpen }
        let yearEnd = yearStart.adding(months: 12)
        guard effective >= yearStart, effective < yearEnd else {
            throw .outsideBillingYear(effective: effective, start: yearStart, end: yearEnd)
        }
        var boundaries = [effective]
        for month in 1...12 {
            let boundary = yearStart.adding(months: month)
            if boundary > effective { boundaries.append(boundary) }
        }
        let total = Int64(yearEnd.days(since: effective))
        var bills: [MonthlyBill] = []
        var billedSoFar: Int64 = 0
        for index in 0..<(boundaries.count - 1) {
            let covered = Int64(boundaries[index + 1].days(since: effective))
            let cumulative = proratedShare(open.minorUnits, covered, total)
            bills.append(MonthlyBill(
                from: boundaries[index], until: boundaries[index + 1],
                amount: Money(minorUnits: cumulative - billedSoFar, currency: open.currency)))
            billedSoFar = cumulative
        }
        return BillingFrequencyChange(credit: open, bills: bills)
    }

    /// The records that carry the plan out for `annual` (an invoice of `account`): the credit memo
    /// `<id>-CM` on the effective day against the annual invoice, and the monthly invoices
    /// `<id>-M01`, `<id>-M02`, … issued on the first day each covers, under the account's terms,
    /// billed to the annual invoice's first location (bills that round to zero are left out).
    public func records(
        id: BillingChange.ID, account: Account, annual: Invoice, effective: Day, recordedOn: Day
    ) -> (change: BillingChange, creditMemo: CreditMemo, invoices: [Invoice]) {
        let memo = CreditMemo(
            id: CreditMemo.ID(id.rawValue + "-CM"), accountID: account.id, issuedOn: effective, amount: credit,
            invoiceID: annual.id, reason: "Billing-frequency change \(id): annual invoice \(annual.id) re-billed monthly")
        let location = annual.lines.first?.locationID
        let invoices = bills.filter(\.amount.isPositive).enumerated().map { index, bill in
            let number = String(index + 1).count < 2 ? "0\(index + 1)" : String(index + 1)
            let line = InvoiceLine(
                locationID: location, description: "Monthly billing \(bill.from) to \(bill.until.adding(days: -1)) (annual \(annual.id))",
                amount: bill.amount)
            // One positive line, due on or after issue: the initializer cannot fail.
            return try! Invoice(
                id: Invoice.ID("\(id.rawValue)-M\(number)"), accountID: account.id, issueDate: bill.from,
                dueDate: account.terms.dueDate(issuedOn: bill.from), lines: [line], jobID: nil)
        }
        let change = BillingChange(
            id: id, accountID: account.id, invoiceID: annual.id, effectiveOn: effective, recordedOn: recordedOn, amount: credit,
            creditMemoID: memo.id, invoiceIDs: invoices.map(\.id))
        return (change, memo, invoices)
    }

    /// `amount × part ÷ whole`, half a minor unit rounded up, without overflowing for any amount.
    private static func proratedShare(_ amount: Int64, _ part: Int64, _ whole: Int64) -> Int64 {
        let (high, low) = amount.multipliedFullWidth(by: part)
        let (quotient, remainder) = whole.dividingFullWidth((high, low))
        return quotient + (remainder * 2 >= whole ? 1 : 0)
    }
}
