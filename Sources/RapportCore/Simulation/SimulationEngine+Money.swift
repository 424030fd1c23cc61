extension SimulationEngine {
    /// Payments due today under each bill's current plan; held bills wait.
    mutating func receivePayments(on day: Day) {
        for due in payments.removeValue(forKey: day.daysSinceEpoch) ?? [] {
            let bill = bills[due.bill]
            guard due.plan == bill.plan, bill.open > 0, !bill.isHeld else { continue }
            let amount = min(due.amount ?? bill.open, bill.open)
            let payment = Payment(
                id: Payment.ID(SyntheticCompany.number("PAY", ledger.payments.count + 1)),
                accountID: ledger.invoices[bill.invoiceIndex].accountID, receivedOn: day,
                amount: Money(minorUnits: amount, currency: .usd), invoiceID: ledger.invoices[bill.invoiceIndex].id)
            ledger.payments.append(payment)
            allocate(.payment(payment.id), amount, day: day, to: due.bill)
        }
    }

    /// A new client's deposit goes to the job's final invoice when it is issued.
    mutating func applyDeposit(_ deposit: Deposit, to index: Int) {
        allocate(.deposit(deposit.id), min(deposit.amount.minorUnits, bills[index].open), day: deposit.receivedOn, to: index)
    }

    /// A credit memo of `share` percent of the bill (at most what is open), against it.
    mutating func creditMemo(_ index: Int, percent: Int, on day: Day, reason: String) {
        let bill = bills[index]
        let amount = min(bill.open, bill.total * Int64(percent) / 100)
        guard amount > 0 else { return }
        let memo = CreditMemo(
            id: CreditMemo.ID(SyntheticCompany.number("CM", ledger.creditMemos.count + 1)),
            accountID: ledger.invoices[bill.invoiceIndex].accountID, issuedOn: day, amount: Money(minorUnits: amount, currency: .usd),
            invoiceID: ledger.invoices[bill.invoiceIndex].id, reason: reason)
        ledger.creditMemos.append(memo)
        allocate(.creditMemo(memo.id), amount, day: day, to: index)
    }

    /// Allocates through Core's ledger rules (`Ledger.apply`) and keeps the risk counts.
    mutating func allocate(_ source: CreditSource, _ amount: Int64, day: Day, to index: Int) {
        guard amount > 0 else { return }
        let invoice = ledger.invoices[bills[index].invoiceIndex]
        let money = Money(minorUnits: amount, currency: .usd)
        let credit = OpenCredit(source: source, accountID: invoice.accountID, day: day, open: money)
        let open = OpenInvoice(
            id: invoice.id, accountID: invoice.accountID, issueDate: invoice.issueDate, jobID: invoice.jobID,
            open: Money(minorUnits: bills[index].open, currency: .usd))
        let result = try! Ledger.apply(money, from: credit, to: open)
        ledger.allocations.append(result.allocation)
        bills[index].open = result.invoice.open.minorUnits
        if bills[index].open == 0 {
            let late = result.allocation.allocatedOn > bills[index].collectionStart
            let customer = bills[index].customer
            paidCounts[customer].paid += 1
            paidTotal.paid += 1
            if late {
                paidCounts[customer].late += 1
                paidTotal.late += 1
            }
        }
    }
}
