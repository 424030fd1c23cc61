/// A credit issued to an account (a billing correction, a goodwill credit), allocated like a payment.
public struct CreditMemo: Hashable, Sendable, Identifiable {
    public typealias ID = Identifier<CreditMemo>

    public var id: ID
    public var accountID: Account.ID
    public var issuedOn: Day
    public var amount: Money
    /// The invoice being corrected, if the memo names one.
    public var invoiceID: Invoice.ID?
    public var reason: String

    public init(
        id: ID, accountID: Account.ID, issuedOn: Day, amount: Money, invoiceID: Invoice.ID? = nil, reason: String = ""
    ) {
        self.id = id
        self.accountID = accountID
        self.issuedOn = issuedOn
        self.amount = amount
        self.invoiceID = invoiceID
        self.reason = reason
    }
}
