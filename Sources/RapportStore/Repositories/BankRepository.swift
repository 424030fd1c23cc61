import RapportCore

/// Stored bank files, their details with what the matcher proposed, and the payers' bank accounts.
public protocol BankRepository: Sendable {
    /// The id of the file already imported with this content hash, if any.
    func fetchFileID(contentHash: String) async throws -> String?
    /// Stores a file and those of its details whose entry key is new (in one transaction);
    /// returns the details stored. Ids are given out here ("BF000001", "BD000001").
    func insertFile(_ file: NewBankFile) async throws -> [CashItem]
    /// The details in one of `states`, oldest booking first.
    func fetchItems(states: Set<CashItem.State>) async throws -> [CashItem]
    /// One detail by id.
    func fetchItem(_ id: String) async throws -> CashItem?
    /// Records a proposal (and a new state) for a detail; `decidedBy` for a decision.
    func updateItem(_ id: String, state: CashItem.State, proposal: CashProposal?, decidedBy: String?, at: Instant?) async throws
    /// Every bank account known to pay for a customer.
    func fetchBankAccounts() async throws -> [(bankAccount: String, accountID: Account.ID)]
    /// Records that `accountID` pays from `bankAccount` (`source`: "accounts" or "learned"); nothing when known.
    func insertBankAccount(_ bankAccount: String, accountID: Account.ID, source: String) async throws
    /// Every invoice with money still open, for the matcher.
    func fetchOpenInvoices() async throws -> [OpenInvoiceForCash]
    /// Every account as the matcher sees a payer: name, parent, known bank accounts.
    func fetchPayers() async throws -> [PayerForCash]
}

/// A bank file to store: its identity and its details, each with its entry key and state.
public struct NewBankFile: Sendable {
    public var contentHash: String
    public var name: String
    public var format: BankFile.Format
    public var statements: Int
    public var importedAt: Instant
    public var importedBy: String
    /// Details without ids yet (`id` and `fileID` are empty), each with its entry key.
    public var items: [(key: String, item: CashItem)]

    public init(contentHash: String, name: String, format: BankFile.Format, statements: Int, importedAt: Instant,
                importedBy: String, items: [(key: String, item: CashItem)]) {
        self.contentHash = contentHash
        self.name = name
        self.format = format
        self.statements = statements
        self.importedAt = importedAt
        self.importedBy = importedBy
        self.items = items
    }
}
