/// Whether a promise to pay was kept, derived from payments: kept when the account's payments from
/// the day it was made to the promised day cover the amount; broken when that day has passed
/// without them; pending before.
public enum PromiseStatus: String, Sendable, Hashable, CaseIterable {
    case pending, kept, broken

    /// The status of `promise` on `day`, given the account's payments.
    public static func of(_ promise: PromiseToPay, payments: some Sequence<Payment>, on day: Day) -> PromiseStatus {
        let paid = payments
            .filter {
                $0.accountID == promise.accountID && $0.amount.currency == promise.amount.currency
                    && $0.receivedOn >= promise.madeOn && $0.receivedOn <= min(promise.promisedFor, day)
            }
            .reduce(Int64(0)) { $0 + $1.amount.minorUnits }
        if paid >= promise.amount.minorUnits { return .kept }
        return day > promise.promisedFor ? .broken : .pending
    }
}
