/// A customer's promise to pay an amount by a day; kept or broken is derived from payments.
public struct PromiseToPay: Hashable, Sendable, Identifiable {
    public typealias ID = Identifier<PromiseToPay>

    public var id: ID
    public var accountID: Account.ID
    public var invoiceID: Invoice.ID?
    public var amount: Money
    /// The day the promise was made.
    public var madeOn: Day
    /// The day the money was promised for.
    public var promisedFor: Day

    public init(id: ID, accountID: Account.ID, invoiceID: Invoice.ID? = nil, amount: Money, madeOn: Day, promisedFor: Day) {
        self.id = id
        self.accountID = accountID
        self.invoiceID = invoiceID
        self.amount = amount
        self.madeOn = madeOn
        self.promisedFor = promisedFor
    }
}
