extension ReceivableFacts {
    /// Facts from whole ledger values, one fact per item: for tests, the simulator and in-memory
    /// benchmarks. Items in other currencies are left out. `group` names each account's group.
    public init(
        currency: Currency, invoices: [Invoice], payments: [Payment] = [], creditMemos: [CreditMemo] = [],
        deposits: [Deposit] = [], allocations: [Allocation] = [], terms: (Account.ID) -> Terms = { _ in .standard },
        groupNames: [String] = ["all"], group: (Account.ID) -> Int = { _ in 0 }
    ) {
        self.init(currency: currency, groupNames: groupNames)
        // Positions, not copies: an invoice carries its lines.
        var invoiceByID: [Invoice.ID: Int] = [:]
        invoiceByID.reserveCapacity(invoices.count)
        billings.reserveCapacity(invoices.count)
        for (position, invoice) in invoices.enumerated() where invoice.currency == currency {
            invoiceByID[invoice.id] = position
            billings.append(Billing(
                issue: invoice.issueDate.daysSinceEpoch, due: invoice.dueDate.daysSinceEpoch,
                collectionStart: invoice.collectionStart(terms: terms(invoice.accountID)).daysSinceEpoch,
                amount: invoice.total.minorUnits, group: group(invoice.accountID)))
        }
        var receivedOn: [CreditSource: Int] = [:]
        receivedOn.reserveCapacity(payments.count + creditMemos.count + deposits.count)
        for payment in payments where payment.amount.currency == currency {
            receivedOn[.payment(payment.id)] = payment.receivedOn.daysSinceEpoch
            credits.append(Credit(
                day: payment.receivedOn.daysSinceEpoch, amount: payment.amount.minorUnits, isCreditMemo: false,
                group: group(payment.accountID)))
        }
        for deposit in deposits where deposit.amount.currency == currency {
            receivedOn[.deposit(deposit.id)] = deposit.receivedOn.daysSinceEpoch
            credits.append(Credit(
                day: deposit.receivedOn.daysSinceEpoch, amount: deposit.amount.minorUnits, isCreditMemo: false,
                group: group(deposit.accountID)))
        }
        for memo in creditMemos where memo.amount.currency == currency {
            receivedOn[.creditMemo(memo.id)] = memo.issuedOn.daysSinceEpoch
            credits.append(Credit(
                day: memo.issuedOn.daysSinceEpoch, amount: memo.amount.minorUnits, isCreditMemo: true,
                group: group(memo.accountID)))
        }
        var allocated: [Invoice.ID: (amount: Int64, last: Int, cashOnLast: Bool)] = [:]
        for allocation in allocations where allocation.amount.currency == currency {
            guard let position = invoiceByID[allocation.invoiceID] else { continue }
            let invoice = invoices[position]
            let day = allocation.allocatedOn.daysSinceEpoch
            let groupIndex = group(invoice.accountID)
            settlements.append(Settlement(
                due: invoice.dueDate.daysSinceEpoch,
                collectionStart: invoice.collectionStart(terms: terms(invoice.accountID)).daysSinceEpoch,
                day: day, amount: allocation.amount.minorUnits, group: groupIndex))
            if let received = receivedOn[allocation.source] {
                applications.append(Application(received: received, day: day, amount: allocation.amount.minorUnits, group: groupIndex))
            }
            let cash: Bool
            if case .creditMemo = allocation.source { cash = false } else { cash = true }
            let sofar = allocated[invoice.id] ?? (0, Int.min, false)
            let cashOnLast = day > sofar.last ? cash : (sofar.cashOnLast || (cash && day == sofar.last))
            allocated[invoice.id] = (sofar.amount + allocation.amount.minorUnits, max(sofar.last, day), cashOnLast)
        }
        for (id, total) in allocated {
            let invoice = invoices[invoiceByID[id]!]
            // Paid: settled with a payment or deposit on its last day; settled by a credit memo alone it was credited.
            guard total.amount == invoice.total.minorUnits, total.cashOnLast else { continue }
            paid.append(Paid(
                issue: invoice.issueDate.daysSinceEpoch, due: invoice.dueDate.daysSinceEpoch, paidDay: total.last,
                amount: invoice.total.minorUnits, group: group(invoice.accountID)))
        }
    }
}
