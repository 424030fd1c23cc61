/// A recorded move of an account from annual to monthly billing: the annual invoice it credited,
/// the credit memo, and the monthly invoices that re-bill the open amount (a retention measure).
public struct BillingChange: Hashable, Sendable, Identifiable {
    public typealias ID = Identifier<BillingChange>

    public var id: ID
    public var accountID: Account.ID
    /// The annual invoice whose open amount was credited and re-billed.
    public var invoiceID: Invoice.ID
    public var effectiveOn: Day
    public var recordedOn: Day
    /// The open amount moved to monthly billing.
    public var amount: Money
    public var creditMemoID: CreditMemo.ID
    /// The monthly invoices, in order.
    public var invoiceIDs: [Invoice.ID]

    public init(
        id: ID, accountID: Account.ID, invoiceID: Invoice.ID, effectiveOn: Day, recordedOn: Day, amount: Money,
        creditMemoID: CreditMemo.ID, invoiceIDs: [Invoice.ID]
    ) {
        self.id = id
        self.accountID = accountID
        self.invoiceID = invoiceID
        self.effectiveOn = effectiveOn
        self.recordedOn = recordedOn
        self.amount = amount
        self.creditMemoID = creditMemoID
        self.invoiceIDs = invoiceIDs
    }
}
