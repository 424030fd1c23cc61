/// An agreed plan to pay a balance in installments.
public struct PaymentArrangement: Hashable, Sendable, Identifiable {
    public typealias ID = Identifier<PaymentArrangement>

    /// One agreed payment of the plan.
    public struct Installment: Hashable, Sendable {
        public var dueOn: Day
        public var amount: Money

        public init(dueOn: Day, amount: Money) {
            self.dueOn = dueOn
            self.amount = amount
        }
    }

    public var id: ID
    public var accountID: Account.ID
    public var agreedOn: Day
    public var installments: [Installment]
    /// The invoices the plan pays off: only payments allocated to them count toward it. Empty for
    /// a plan agreed when nothing was open, where every payment on the account counts.
    public var invoiceIDs: [Invoice.ID]

    public init(id: ID, accountID: Account.ID, agreedOn: Day, installments: [Installment], invoiceIDs: [Invoice.ID] = []) {
        self.id = id
        self.accountID = accountID
        self.agreedOn = agreedOn
        self.installments = installments
        self.invoiceIDs = invoiceIDs
    }
}
