/// The open invoices of many accounts, kept in memory while a batch of payments is allocated.
///
/// Allocation is sequential (each payment sees what the previous ones left open), so the book is
/// mutated as credits are applied. Per account, invoices are kept oldest first with a cursor past
/// the fully paid ones, so applying n payments costs about O(n + invoices).
public struct OpenItemBook: Sendable {
    private var invoicesByAccount: [Account.ID: [OpenInvoice]] = [:]
    private var firstOpenIndex: [Account.ID: Int] = [:]
    private var position: [Invoice.ID: (account: Account.ID, index: Int)] = [:]
    /// Invoices whose open amount changed since the book was built.
    public private(set) var changedInvoiceIDs: Set<Invoice.ID> = []

    public init(_ invoices: some Sequence<OpenInvoice>) {
        var grouped: [Account.ID: [OpenInvoice]] = [:]
        for invoice in invoices { grouped[invoice.accountID, default: []].append(invoice) }
        for (account, list) in grouped {
            let sorted = list.sorted(by: Ledger.isOlder)
            invoicesByAccount[account] = sorted
            firstOpenIndex[account] = 0
            for (index, invoice) in sorted.enumerated() { position[invoice.id] = (account, index) }
        }
    }

    /// The invoice as the book has it now, if known.
    public func invoice(_ id: Invoice.ID) -> OpenInvoice? {
        guard let (account, index) = position[id] else { return nil }
        return invoicesByAccount[account]?[index]
    }

    /// Applies a credit: to `target` only when given (up to its open amount), otherwise to the
    /// account's oldest open invoices in its currency. Returns the allocations and what is left
    /// unapplied. Throws for an unknown target, another account's invoice or another currency.
    public mutating func apply(
        _ credit: OpenCredit, target: Invoice.ID? = nil
    ) throws(LedgerError) -> (allocations: [Allocation], unapplied: Money) {
        guard credit.open.isPositive else { throw .nonPositiveAmount("\(credit.source)") }
        var credit = credit
        var allocations: [Allocation] = []
        if let target {
            guard let (account, index) = position[target] else { throw .unknownInvoice(target) }
            let invoice = invoicesByAccount[account]![index]
            if invoice.open.currency != credit.open.currency {
                throw .money(.currencyMismatch(invoice.open.currency, credit.open.currency))
            }
            if invoice.accountID != credit.accountID {
                throw .accountMismatch(invoice: target, expected: credit.accountID, found: invoice.accountID)
            }
            let amount = min(invoice.open.minorUnits, credit.open.minorUnits)
            if amount > 0 { try allocate(amount, &credit, account, index, &allocations) }
            return (allocations, credit.open)
        }
        guard let list = invoicesByAccount[credit.accountID] else { return ([], credit.open) }
        var index = firstOpenIndex[credit.accountID] ?? 0
        while index < list.count, !invoicesByAccount[credit.accountID]![index].open.isPositive { index += 1 }
        firstOpenIndex[credit.accountID] = index
        while index < list.count && credit.open.isPositive {
            let invoice = invoicesByAccount[credit.accountID]![index]
            if invoice.open.isPositive && invoice.open.currency == credit.open.currency {
                let amount = min(invoice.open.minorUnits, credit.open.minorUnits)
                try allocate(amount, &credit, credit.accountID, index, &allocations)
            }
            index += 1
        }
        return (allocations, credit.open)
    }

    private mutating func allocate(
        _ minorUnits: Int64, _ credit: inout OpenCredit, _ account: Account.ID, _ index: Int,
        _ allocations: inout [Allocation]
    ) throws(LedgerError) {
        let invoice = invoicesByAccount[account]![index]
        let result = try Ledger.apply(Money(minorUnits: minorUnits, currency: credit.open.currency), from: credit, to: invoice)
        credit = result.credit
        invoicesByAccount[account]![index] = result.invoice
        changedInvoiceIDs.insert(invoice.id)
        allocations.append(result.allocation)
    }
}
