/// Payment arrangements: a balance split into monthly installments, and whether the customer keeps up.
public enum ArrangementPlan {
    /// `total` in `count` monthly installments from `first`: equal parts, the remainder of the
    /// division on the last, so the installments add up to the total exactly.
    public static func monthly(total: Money, count: Int, first: Day) -> [PaymentArrangement.Installment] {
        guard count > 0 else { return [] }
        let part = total.minorUnits / Int64(count)
        let remainder = total.minorUnits - part * Int64(count)
        return (0..<count).map { index in
            PaymentArrangement.Installment(
                dueOn: first.adding(months: index),
                amount: Money(minorUnits: part + (index == count - 1 ? remainder : 0), currency: total.currency))
        }
    }

    /// Where an arrangement stands on a day.
    public struct Standing: Hashable, Sendable {
        public enum State: String, Sendable { case onTrack = "on_track", behind, completed }

        /// Payments allocated to the arranged invoices since the arrangement was agreed, up to the day.
        public var paid: Money
        /// Installments due on or before the day.
        public var due: Money
        /// Installments due by the day that the payments do not cover, oldest first.
        public var missed: Int
        public var state: State
    }

    /// Payments count toward installments in order; an installment is missed when the payments
    /// up to the day do not cover it and the ones before it. A plan over named invoices counts only
    /// the parts of payments allocated to those invoices (`allocations`), so a customer who keeps
    /// paying ordinary bills does not look on track; a plan over no invoices counts `payments`.
    public static func standing(
        _ arrangement: PaymentArrangement, payments: some Sequence<Payment>, allocations: some Sequence<Allocation> = [Allocation](),
        on day: Day
    ) -> Standing {
        let currency = arrangement.installments.first?.amount.currency ?? .usd
        let paid: Int64
        if arrangement.invoiceIDs.isEmpty {
            paid = payments
                .filter { $0.accountID == arrangement.accountID && $0.amount.currency == currency
                    && $0.receivedOn >= arrangement.agreedOn && $0.receivedOn <= day }
                .reduce(Int64(0)) { $0 + $1.amount.minorUnits }
        } else {
            let arranged = Set(arrangement.invoiceIDs)
            paid = allocations
                .filter { allocation in
                    guard case .payment = allocation.source else { return false }
                    return arranged.contains(allocation.invoiceID) && allocation.amount.currency == currency
                        && allocation.allocatedOn >= arrangement.agreedOn && allocation.allocatedOn <= day
                }
                .reduce(Int64(0)) { $0 + $1.amount.minorUnits }
        }
        var cumulative: Int64 = 0
        var due: Int64 = 0
        var missed = 0
        for installment in arrangement.installments where installment.dueOn <= day {
            cumulative += installment.amount.minorUnits
            due = cumulative
            if paid < cumulative { missed += 1 }
        }
        let total = arrangement.installments.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
        let state: Standing.State = paid >= total ? .completed : (missed > 0 ? .behind : .onTrack)
        return Standing(paid: Money(minorUnits: paid, currency: currency), due: Money(minorUnits: due, currency: currency),
                        missed: missed, state: state)
    }
}
