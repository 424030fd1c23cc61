import RapportCore

/// A row of `allocations`; exactly one of the three source ids is set.
struct AllocationRecord: Codable, Sendable {
    var invoiceId: String
    var paymentId: String?
    var creditMemoId: String?
    var depositId: String?
    var amountMinor: Int64
    var currency: String
    var allocatedOn: String

    init(_ allocation: Allocation) {
        invoiceId = allocation.invoiceID.rawValue
        switch allocation.source {
        case .payment(let id): paymentId = id.rawValue
        case .creditMemo(let id): creditMemoId = id.rawValue
        case .deposit(let id): depositId = id.rawValue
        }
        amountMinor = allocation.amount.minorUnits
        currency = allocation.amount.currency.code
        allocatedOn = allocation.allocatedOn.isoString
    }
}
