/// What a bank file says, whatever its format: statements of one account each, their booked and
/// pending entries, and per entry the details cash is applied to. Read by RapportImport's bank
/// readers; the matcher and the checks in this folder work on it.
public struct BankFile: Hashable, Sendable {
    /// The formats Rapport reads, named as `rapport bank read` prints them.
    public enum Format: String, Hashable, Sendable, CaseIterable {
        case camt053 = "camt.053", camt054 = "camt.054", bai2, ofx, mt940
    }

    public var format: Format
    /// The message or file id the bank gave (camt `GrpHdr/MsgId`, BAI2 file id), if any.
    public var messageID: String?
    public var statements: [BankStatement]
    /// Everything the file got wrong by its own rules, each with where it is ("line 12", an XML path).
    public var warnings: [String]

    public init(format: Format, messageID: String? = nil, statements: [BankStatement], warnings: [String] = []) {
        self.format = format
        self.messageID = messageID
        self.statements = statements
        self.warnings = warnings
    }
}

/// One account's statement (or notification) for a period.
public struct BankStatement: Hashable, Sendable {
    /// The account as the bank names it: an IBAN, or the bank's own account number.
    public var account: String
    /// The account's currency; nil when the file names none.
    public var currency: Currency?
    /// The statement's id (camt `Stmt/Id`, MT940 `:20:`/`:28C:`), if any.
    public var id: String?
    public var openingBalance: BankBalance?
    public var closingBalance: BankBalance?
    /// The first and last day the statement covers, if the file says.
    public var from: Day?
    public var to: Day?
    public var entries: [BankEntry]
    /// Where the statement starts in the file ("line 4", "Document/BkToCstmrStmt/Stmt[2]").
    public var location: String

    public init(
        account: String, currency: Currency?, id: String? = nil, openingBalance: BankBalance? = nil,
        closingBalance: BankBalance? = nil, from: Day? = nil, to: Day? = nil, entries: [BankEntry] = [], location: String
    ) {
        self.account = account
        self.currency = currency
        self.id = id
        self.openingBalance = openingBalance
        self.closingBalance = closingBalance
        self.from = from
        self.to = to
        self.entries = entries
        self.location = location
    }
}

/// A balance as the bank states it: signed (negative: the account is overdrawn), in its own currency.
public struct BankBalance: Hashable, Sendable {
    public var amount: Money
    /// The day the balance is stated for, if the file says.
    public var on: Day?

    public init(amount: Money, on: Day?) {
        self.amount = amount
        self.on = on
    }
}
