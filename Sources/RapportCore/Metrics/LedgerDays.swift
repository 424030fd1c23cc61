/// A ledger in one currency summed per day and group: what was invoiced, credited and paid each
/// day. That is enough for the sales of any range, the net AR as of any day (invoices less
/// credits: an allocation lowers an invoice and its credit by the same amount on the same day, so
/// allocations cancel out of the total) and the payment timing of any period — without reading
/// the history of single items. Aging needs more (what was open per due day): `ReceivableFacts`.
public struct LedgerDays: Sendable {
    /// One day of one group.
    public struct Entry: Hashable, Sendable {
        /// Days since the epoch.
        public var day: Int
        /// Index into `groupNames`.
        public var group: Int
        /// Invoices issued that day.
        public var invoiced: Int64
        /// Credit memos issued that day (they also lower net credit sales).
        public var creditMemos: Int64
        /// Payments and deposits received that day.
        public var received: Int64
        /// Invoices whose last cash payment fell on that day.
        public var paid: PaidTotals

        public init(day: Int, group: Int = 0, invoiced: Int64 = 0, creditMemos: Int64 = 0, received: Int64 = 0, paid: PaidTotals = .zero) {
            self.day = day
            self.group = group
            self.invoiced = invoiced
            self.creditMemos = creditMemos
            self.received = received
            self.paid = paid
        }
    }

    public var currency: Currency
    /// The name of each group; one group ("all") when the ledger is not broken down.
    public var groupNames: [String]
    public var entries: [Entry]

    public init(currency: Currency, groupNames: [String] = ["all"], entries: [Entry] = []) {
        self.currency = currency
        self.groupNames = groupNames
        self.entries = entries
    }

    /// Net AR at the end of `day`: everything invoiced by then less everything credited by then.
    public func netReceivables(asOf day: Day) -> Int64 {
        let last = day.daysSinceEpoch
        var total: Int64 = 0
        for entry in entries where entry.day <= last { total += entry.invoiced - entry.creditMemos - entry.received }
        return total
    }

    /// The invoices paid in `period`, summed.
    public func paid(in period: Period) -> PaidTotals {
        let from = period.from.daysSinceEpoch
        let to = period.to.daysSinceEpoch
        var totals = PaidTotals.zero
        for entry in entries where entry.day >= from && entry.day <= to { totals += entry.paid }
        return totals
    }

    /// The days split by group, in `groupNames` order; each part has the single group 0.
    public func partitioned() -> [(name: String, days: LedgerDays)] {
        var parts = groupNames.map { _ in LedgerDays(currency: currency) }
        for var entry in entries {
            let group = entry.group
            entry.group = 0
            parts[group].entries.append(entry)
        }
        return zip(groupNames, parts).map { ($0, $1) }
    }
}
