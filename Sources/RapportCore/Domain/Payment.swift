/// Money received from an account, allocated to invoices; whatever is not allocated is unapplied credit.
public struct Payment: Hashable, Sendable, Identifiable {
    public typealias ID = Identifier<Payment>

    public var id: ID
    public var accountID: Account.ID
    public var receivedOn: Day
    public var amount: Money
    /// The invoice the remittance names, if any; otherwise the payment goes to the oldest open invoices.
    public var invoiceID: Invoice.ID?
    /// How it was paid ("check", "ach", "card", …), as the billing system says.
    public var method: String?

    public init(
        id: ID, accountID: Account.ID, receivedOn: Day, amount: Money, invoiceID: Invoice.ID? = nil,
        method: String? = nil
    ) {
        self.id = id
        self.accountID = accountID
        self.receivedOn = receivedOn
        self.amount = amount
        self.invoiceID = invoiceID
        self.method = method
    }
}
