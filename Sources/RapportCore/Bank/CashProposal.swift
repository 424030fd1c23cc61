/// What the matcher proposes for one bank detail: which invoices it pays and how much of each,
/// what is written off or disputed, what stays unapplied — with the rule that found it, its
/// confidence and the evidence in words, and whether it may be applied without a person.
public struct CashProposal: Hashable, Sendable {
    /// The ladder's steps, strongest first.
    public enum Rule: Int, Hashable, Sendable, Comparable {
        case structuredReference = 1, invoiceNumber = 2, customerAndAmount = 3, customerAndCombination = 4, residual = 5
        /// Not the ladder: a person chose the invoices (`rapport cash apply`).
        case person = 6

        public static func < (lhs: Rule, rhs: Rule) -> Bool { lhs.rawValue < rhs.rawValue }

        /// The rule's name in words ("structured reference").
        public var name: String {
            switch self {
            case .structuredReference: "structured reference"
            case .invoiceNumber: "invoice number in the text"
            case .customerAndAmount: "customer and exact open amount"
            case .customerAndCombination: "customer and a combination of open invoices"
            case .residual: "unapplied"
            case .person: "chosen by a person"
            }
        }
    }

    /// One invoice paid (part of) by the detail.
    public struct Allocation: Hashable, Sendable {
        public var invoiceID: Invoice.ID
        public var amount: Money

        public init(invoiceID: Invoice.ID, amount: Money) {
            self.invoiceID = invoiceID
            self.amount = amount
        }
    }

    public var rule: Rule
    /// The customer the money came from; nil: unknown (the suspense list).
    public var accountID: Account.ID?
    public var allocations: [Allocation]
    /// A shortfall small enough to write off with a credit memo, on this invoice.
    public var writeOff: Allocation?
    /// A shortfall beyond the tolerance: the invoice stays open for it and a dispute case opens.
    public var shortfall: Allocation?
    /// Money left on the customer (an overpayment, or nothing identified): unapplied cash.
    public var unapplied: Money?
    /// 0–100: how sure the rule is.
    public var confidence: Int
    public var evidence: [String]
    /// Whether `--apply` applies it without a person.
    public var automatic: Bool
    /// For a person to choose from when it is not automatic: other invoice sets, with why.
    public var candidates: [Candidate]

    /// One possible reading of a detail a person decides.
    public struct Candidate: Hashable, Sendable {
        public var invoiceIDs: [Invoice.ID]
        public var confidence: Int
        public var evidence: String

        public init(invoiceIDs: [Invoice.ID], confidence: Int, evidence: String) {
            self.invoiceIDs = invoiceIDs
            self.confidence = confidence
            self.evidence = evidence
        }
    }

    public init(
        rule: Rule, accountID: Account.ID?, allocations: [Allocation] = [], writeOff: Allocation? = nil, shortfall: Allocation? = nil,
        unapplied: Money? = nil, confidence: Int, evidence: [String], automatic: Bool, candidates: [Candidate] = []
    ) {
        self.rule = rule
        self.accountID = accountID
        self.allocations = allocations
        self.writeOff = writeOff
        self.shortfall = shortfall
        self.unapplied = unapplied
        self.confidence = confidence
        self.evidence = evidence
        self.automatic = automatic
        self.candidates = candidates
    }
}

/// The matcher's view of an invoice that is still open, in its own currency.
public struct OpenInvoiceForCash: Hashable, Sendable {
    public var id: Invoice.ID
    public var accountID: Account.ID
    public var open: Money
    public var issueDate: Day

    public init(id: Invoice.ID, accountID: Account.ID, open: Money, issueDate: Day) {
        self.id = id
        self.accountID = accountID
        self.open = open
        self.issueDate = issueDate
    }
}

/// The matcher's view of a customer: how payments name it.
public struct PayerForCash: Hashable, Sendable {
    public var accountID: Account.ID
    public var name: String
    public var parentID: Account.ID?
    /// Bank accounts (IBANs or numbers) it is known to pay from: from `accounts.csv` and learned.
    public var bankAccounts: Set<String>

    public init(accountID: Account.ID, name: String, parentID: Account.ID? = nil, bankAccounts: Set<String> = []) {
        self.accountID = accountID
        self.name = name
        self.parentID = parentID
        self.bankAccounts = bankAccounts
    }
}
