/// The accounts kept instead of lost in a period: those moved from annual to monthly billing and
/// those given a payment arrangement, with how each is keeping up as of the period's last day.
public struct RetentionReport: Hashable, Sendable {
    /// How an account was kept.
    public enum Measure: String, CaseIterable, Sendable {
        case billingFrequencyChange = "billing_frequency_change"
        case paymentArrangement = "payment_arrangement"
    }

    /// One monthly invoice of a billing-frequency change as of the report's last day.
    public struct Bill: Hashable, Sendable {
        public var dueOn: Day
        public var amount: Money
        /// Allocated to it on or before the report's last day.
        public var paid: Money

        public init(dueOn: Day, amount: Money, paid: Money) {
            self.dueOn = dueOn
            self.amount = amount
            self.paid = paid
        }
    }

    /// One retention measure and how the account is keeping up with it.
    public struct Row: Hashable, Sendable {
        public var accountID: Account.ID
        public var measure: Measure
        /// The billing change's or the arrangement's id.
        public var id: String
        /// The day it took effect (or was agreed).
        public var on: Day
        /// The money moved to monthly bills or into installments.
        public var amount: Money
        /// What fell due by the last day, and what of it was paid.
        public var due: Money
        public var paid: Money
        public var state: ArrangementPlan.Standing.State
    }

    public var period: Period
    /// By day, then id.
    public var rows: [Row]
    /// Distinct accounts with at least one measure in the period.
    public var accountsRetained: Int

    /// `changes` effective and `arrangements` agreed in the period (others are ignored), with
    /// each change's monthly bills and each arrangement's standing as of the period's last day.
    public init(
        period: Period, changes: [(BillingChange, [Bill])], arrangements: [(PaymentArrangement, ArrangementPlan.Standing)]
    ) {
        self.period = period
        var rows: [Row] = []
        for (change, bills) in changes where period.contains(change.effectiveOn) {
            let currency = change.amount.currency
            let due = bills.filter { $0.dueOn <= period.to }.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
            let paid = bills.reduce(Int64(0)) { $0 + min($1.paid.minorUnits, $1.amount.minorUnits) }
            let total = bills.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
            rows.append(Row(
                accountID: change.accountID, measure: .billingFrequencyChange, id: change.id.rawValue, on: change.effectiveOn,
                amount: change.amount, due: Money(minorUnits: due, currency: currency), paid: Money(minorUnits: paid, currency: currency),
                state: paid >= total ? .completed : (paid < due ? .behind : .onTrack)))
        }
        for (arrangement, standing) in arrangements where period.contains(arrangement.agreedOn) {
            let currency = standing.due.currency
            let total = arrangement.installments.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
            rows.append(Row(
                accountID: arrangement.accountID, measure: .paymentArrangement, id: arrangement.id.rawValue, on: arrangement.agreedOn,
                amount: Money(minorUnits: total, currency: currency), due: standing.due,
                paid: Money(minorUnits: min(standing.paid.minorUnits, total), currency: currency), state: standing.state))
        }
        self.rows = rows.sorted { ($0.on, $0.id) < ($1.on, $1.id) }
        accountsRetained = Set(rows.map(\.accountID)).count
    }

    /// How many measures of `measure` the period holds.
    public func count(_ measure: Measure) -> Int { rows.filter { $0.measure == measure }.count }
}
