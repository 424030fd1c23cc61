/// An account's invoices and unapplied credits with their open amounts as of one day.
public struct LedgerReport: Hashable, Sendable {
    /// What the store knows about one invoice as of the day: its total and what was allocated to it by then.
    public struct InvoiceInput: Hashable, Sendable {
        public var invoiceID: Invoice.ID
        public var issueDate: Day
        public var dueDate: Day
        public var total: Money
        public var allocated: Money

        public init(invoiceID: Invoice.ID, issueDate: Day, dueDate: Day, total: Money, allocated: Money) {
            self.invoiceID = invoiceID
            self.issueDate = issueDate
            self.dueDate = dueDate
            self.total = total
            self.allocated = allocated
        }
    }

    /// What the store knows about one payment, credit memo or deposit as of the day.
    public struct CreditInput: Hashable, Sendable {
        public var source: CreditSource
        public var day: Day
        public var amount: Money
        public var allocated: Money

        public init(source: CreditSource, day: Day, amount: Money, allocated: Money) {
            self.source = source
            self.day = day
            self.amount = amount
            self.allocated = allocated
        }
    }

    /// One invoice line of the report.
    public struct InvoiceLine: Hashable, Sendable {
        public var invoiceID: Invoice.ID
        public var issueDate: Day
        public var dueDate: Day
        public var total: Money
        public var paid: Money
        public var open: Money
        /// Days past the due date on the report day; 0 when not yet due or fully paid.
        public var daysPastDue: Int
    }

    /// One credit with money not yet applied on the report day.
    public struct CreditLine: Hashable, Sendable {
        public var source: CreditSource
        public var day: Day
        public var amount: Money
        public var unapplied: Money
    }

    public var accountID: Account.ID
    public var asOf: Day
    /// Invoices issued on or before the day, oldest first, including those fully paid.
    public var invoices: [InvoiceLine]
    /// Credits received on or before the day that still had money unapplied.
    public var credits: [CreditLine]
    /// Per currency: open invoices less unapplied credit (negative when the customer is in credit).
    public var balances: [Currency: Money]

    /// Builds the report; ignores anything dated after `asOf` and throws if allocations exceed an amount.
    public init(
        accountID: Account.ID, asOf: Day, invoices: [InvoiceInput], credits: [CreditInput]
    ) throws(LedgerError) {
        self.accountID = accountID
        self.asOf = asOf
        var balances: [Currency: Money] = [:]
        func add(_ amount: Money) throws(LedgerError) {
            do { balances[amount.currency] = try (balances[amount.currency] ?? .zero(amount.currency)).adding(amount) }
            catch { throw .money(error) }
        }
        var lines: [InvoiceLine] = []
        for input in invoices where input.issueDate <= asOf {
            let open: Money
            do { open = try input.total.subtracting(input.allocated) } catch { throw .money(error) }
            if open.isNegative { throw .overAllocated(input.invoiceID, open: input.total, requested: input.allocated) }
            let pastDue = open.isPositive ? max(0, asOf.days(since: input.dueDate)) : 0
            lines.append(InvoiceLine(
                invoiceID: input.invoiceID, issueDate: input.issueDate, dueDate: input.dueDate,
                total: input.total, paid: input.allocated, open: open, daysPastDue: pastDue))
            try add(open)
        }
        var creditLines: [CreditLine] = []
        for input in credits where input.day <= asOf {
            let unapplied: Money
            do { unapplied = try input.amount.subtracting(input.allocated) } catch { throw .money(error) }
            if unapplied.isNegative {
                throw .creditExceeded(input.source, open: input.amount, requested: input.allocated)
            }
            guard unapplied.isPositive else { continue }
            creditLines.append(CreditLine(source: input.source, day: input.day, amount: input.amount, unapplied: unapplied))
            let credit: Money
            do { credit = try unapplied.negated() } catch { throw .money(error) }
            try add(credit)
        }
        self.invoices = lines.sorted { ($0.issueDate, $0.invoiceID) < ($1.issueDate, $1.invoiceID) }
        self.credits = creditLines.sorted { ($0.day, $0.source) < ($1.day, $1.source) }
        self.balances = balances
    }
}
