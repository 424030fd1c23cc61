/// Did a corrective action work? Compares equal windows before and after its implementation day:
/// how often its root cause occurred (cases opened per 1,000 invoices issued) and how long the
/// invoices those cases held took to pay.
public struct CorrectiveActionEffect: Hashable, Sendable {
    /// One window's numbers.
    public struct Window: Hashable, Sendable {
        public var period: Period
        public var invoicesIssued: Int
        /// Cases with the root cause opened in the window.
        public var cases: Int
        /// Cases per 1,000 invoices issued; nil when no invoice was issued.
        public var ratePerThousand: Double?
        /// Mean days from issue to full payment of the paid invoices those cases held; nil with none.
        public var averageDaysToPay: Double?
    }

    /// One invoice a case held: when it was issued and, if paid in full, when.
    public struct HeldInvoice: Hashable, Sendable {
        public var invoiceID: Invoice.ID
        public var issueDate: Day
        public var paidOn: Day?

        public init(invoiceID: Invoice.ID, issueDate: Day, paidOn: Day?) {
            self.invoiceID = invoiceID
            self.issueDate = issueDate
            self.paidOn = paidOn
        }
    }

    public var action: CorrectiveAction
    public var before: Window
    public var after: Window

    /// The windows are the `days` before the implementation day and the `days` from it on.
    /// `invoicesIssued` counts the invoices issued in a period; `held` describes the invoices the
    /// cases name. Nil when the action is not implemented yet.
    public init?(
        action: CorrectiveAction, cases: [Case], held: [HeldInvoice], days: Int, invoicesIssued: (Period) -> Int
    ) {
        guard let implemented = action.implementedOn, days > 0 else { return nil }
        self.action = action
        let heldByID = Dictionary(held.map { ($0.invoiceID, $0) }, uniquingKeysWith: { first, _ in first })
        func window(_ period: Period) -> Window {
            let matching = cases.filter { $0.rootCause == action.rootCause && $0.openedOn >= period.from && $0.openedOn <= period.to }
            let issued = invoicesIssued(period)
            let paid = Set(matching.flatMap(\.invoiceIDs)).compactMap { heldByID[$0] }.compactMap { invoice in
                invoice.paidOn.map { $0.days(since: invoice.issueDate) }
            }
            return Window(
                period: period, invoicesIssued: issued, cases: matching.count,
                ratePerThousand: issued > 0 ? Double(matching.count) / Double(issued) * 1000 : nil,
                averageDaysToPay: paid.isEmpty ? nil : Double(paid.reduce(0, +)) / Double(paid.count))
        }
        let (beforePeriod, afterPeriod) = Self.windows(implementedOn: implemented, days: days)
        before = window(beforePeriod)
        after = window(afterPeriod)
    }

    /// The `days` before the implementation day, and the `days` from it on.
    public static func windows(implementedOn day: Day, days: Int) -> (before: Period, after: Period) {
        let length = max(days, 1)
        return (try! Period(from: day.adding(days: -length), to: day.adding(days: -1)),
                try! Period(from: day, to: day.adding(days: length - 1)))
    }
}
