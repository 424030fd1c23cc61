/// A part of a payment, credit memo or deposit applied to one invoice on one day.
public struct Allocation: Hashable, Sendable {
    public var source: CreditSource
    public var invoiceID: Invoice.ID
    public var amount: Money
    /// The day the money counts against the invoice: never before the invoice was issued.
    public var allocatedOn: Day

    public init(source: CreditSource, invoiceID: Invoice.ID, amount: Money, allocatedOn: Day) {
        self.source = source
        self.invoiceID = invoiceID
        self.amount = amount
        self.allocatedOn = allocatedOn
    }
}
