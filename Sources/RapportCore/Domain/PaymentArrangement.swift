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

    public init(id: ID, accountID: Account.ID, agreedOn: Day, installments: [Installment]) {
        self.id = id
        self.accountID = accountID
        self.agreedOn = agreedOn
        self.installments = installments
    }
}
