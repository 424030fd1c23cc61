/// The ledger's rules as pure functions: open balances are derived from allocations, allocations
/// never exceed what is open on either side, and unallocated money stays as unapplied credit.
public enum Ledger {
    /// An invoice's open balance: its total less the allocations to it dated on or before `asOf`
    /// (all of them when `asOf` is nil). Throws when the allocations exceed the total.
    public static func openBalance(
        of invoice: Invoice, allocations: some Sequence<Allocation>, asOf: Day? = nil
    ) throws(LedgerError) -> Money {
        var open = invoice.total
        for allocation in allocations where allocation.invoiceID == invoice.id {
            if let asOf, allocation.allocatedOn > asOf { continue }
            do { open = try open.subtracting(allocation.amount) } catch { throw .money(error) }
        }
        if open.isNegative {
            throw .overAllocated(invoice.id, open: invoice.total, requested: try sumAllocated(invoice, allocations))
        }
        return open
    }

    /// Checks one allocation against the open amounts of both sides; returns both sides reduced.
    public static func apply(
        _ amount: Money, from credit: OpenCredit, to invoice: OpenInvoice
    ) throws(LedgerError) -> (credit: OpenCredit, invoice: OpenInvoice, allocation: Allocation) {
        guard amount.isPositive else { throw .nonPositiveAmount("an allocation") }
        guard credit.accountID == invoice.accountID else {
            throw .accountMismatch(invoice: invoice.id, expected: credit.accountID, found: invoice.accountID)
        }
        do {
            try amount.requireSameCurrency(invoice.open)
            try amount.requireSameCurrency(credit.open)
        } catch { throw .money(error) }
        guard amount.minorUnits <= invoice.open.minorUnits else {
            throw .overAllocated(invoice.id, open: invoice.open, requested: amount)
        }
        guard amount.minorUnits <= credit.open.minorUnits else {
            throw .creditExceeded(credit.source, open: credit.open, requested: amount)
        }
        var credit = credit
        var invoice = invoice
        credit.open = Money(minorUnits: credit.open.minorUnits - amount.minorUnits, currency: amount.currency)
        invoice.open = Money(minorUnits: invoice.open.minorUnits - amount.minorUnits, currency: amount.currency)
        let allocation = Allocation(
            source: credit.source, invoiceID: invoice.id, amount: amount,
            allocatedOn: max(credit.day, invoice.issueDate)
        )
        return (credit, invoice, allocation)
    }

    /// The order "oldest open first" uses: issue date, then invoice id.
    public static func isOlder(_ a: OpenInvoice, than b: OpenInvoice) -> Bool {
        (a.issueDate, a.id) < (b.issueDate, b.id)
    }

    private static func sumAllocated(
        _ invoice: Invoice, _ allocations: some Sequence<Allocation>
    ) throws(LedgerError) -> Money {
        var sum = Money.zero(invoice.currency)
        for allocation in allocations where allocation.invoiceID == invoice.id {
            do { sum = try sum.adding(allocation.amount) } catch { throw .money(error) }
        }
        return sum
    }
}
