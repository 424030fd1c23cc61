/// Everything the metrics need to know about a ledger in one currency, as compact facts.
///
/// A fact may stand for one invoice or payment, or for many that share the same days (the store
/// aggregates with GROUP BY; tests and the simulator pass single items). Days are `Day.daysSinceEpoch`,
/// amounts are minor units, and `group` indexes `groupNames` (segment, specialist or account).
public struct ReceivableFacts: Sendable {
    /// Invoices billed: they raise AR from their issue day on.
    public struct Billing: Hashable, Sendable {
        public var issue: Int
        public var due: Int
        public var collectionStart: Int
        public var amount: Int64
        public var group: Int

        public init(issue: Int, due: Int, collectionStart: Int, amount: Int64, group: Int = 0) {
            self.issue = issue
            self.due = due
            self.collectionStart = collectionStart
            self.amount = amount
            self.group = group
        }
    }

    /// Money applied to invoices with these due and collection-start days on `day`: lowers AR from then on.
    public struct Settlement: Hashable, Sendable {
        public var due: Int
        public var collectionStart: Int
        public var day: Int
        public var amount: Int64
        public var group: Int

        public init(due: Int, collectionStart: Int, day: Int, amount: Int64, group: Int = 0) {
            self.due = due
            self.collectionStart = collectionStart
            self.day = day
            self.amount = amount
            self.group = group
        }
    }

    /// A payment received or a credit memo issued on `day`: unapplied credit (negative AR) until applied.
    public struct Credit: Hashable, Sendable {
        public var day: Int
        public var amount: Int64
        /// Credit memos also reduce net credit sales in their month; payments do not.
        public var isCreditMemo: Bool
        public var group: Int

        public init(day: Int, amount: Int64, isCreditMemo: Bool, group: Int = 0) {
            self.day = day
            self.amount = amount
            self.isCreditMemo = isCreditMemo
            self.group = group
        }
    }

    /// Part of a credit received on `received` applied to invoices on `day`: no longer unapplied from then on.
    public struct Application: Hashable, Sendable {
        public var received: Int
        public var day: Int
        public var amount: Int64
        public var group: Int

        public init(received: Int, day: Int, amount: Int64, group: Int = 0) {
            self.received = received
            self.day = day
            self.amount = amount
            self.group = group
        }
    }

    /// Invoices that became fully paid on `paidDay` (the day of their last allocation).
    public struct Paid: Hashable, Sendable {
        public var issue: Int
        public var due: Int
        public var paidDay: Int
        public var count: Int
        public var amount: Int64
        public var group: Int

        public init(issue: Int, due: Int, paidDay: Int, count: Int = 1, amount: Int64, group: Int = 0) {
            self.issue = issue
            self.due = due
            self.paidDay = paidDay
            self.count = count
            self.amount = amount
            self.group = group
        }
    }

    public var currency: Currency
    /// The name of each group; one group ("all") when the ledger is not broken down.
    public var groupNames: [String]
    public var billings: [Billing] = []
    public var settlements: [Settlement] = []
    public var credits: [Credit] = []
    public var applications: [Application] = []
    public var paid: [Paid] = []

    public init(currency: Currency, groupNames: [String] = ["all"]) {
        self.currency = currency
        self.groupNames = groupNames
    }

    /// The facts split by group, in `groupNames` order; each part has the single group 0.
    public func partitioned() -> [(name: String, facts: ReceivableFacts)] {
        var parts = groupNames.map { _ in ReceivableFacts(currency: currency, groupNames: ["all"]) }
        for var fact in billings { let group = fact.group; fact.group = 0; parts[group].billings.append(fact) }
        for var fact in settlements { let group = fact.group; fact.group = 0; parts[group].settlements.append(fact) }
        for var fact in credits { let group = fact.group; fact.group = 0; parts[group].credits.append(fact) }
        for var fact in applications { let group = fact.group; fact.group = 0; parts[group].applications.append(fact) }
        for var fact in paid { let group = fact.group; fact.group = 0; parts[group].paid.append(fact) }
        return zip(groupNames, parts).map { ($0, $1) }
    }
}
