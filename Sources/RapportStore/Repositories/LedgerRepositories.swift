/// The repositories that importing and exporting files read and write, on one database.
public struct LedgerRepositories: Sendable {
    public var accounts: any AccountRepository
    public var locations: any LocationRepository
    public var invoices: any InvoiceRepository
    public var payments: any PaymentRepository
    public var creditMemos: any CreditMemoRepository
    public var deposits: any DepositRepository
    public var jobs: any JobRepository
    public var contacts: any ContactRepository

    /// The SQLite or PostgreSQL repositories of `database`.
    public init(_ database: RapportDatabase) {
        accounts = FluentAccountRepository(database)
        locations = FluentLocationRepository(database)
        invoices = FluentInvoiceRepository(database)
        payments = FluentPaymentRepository(database)
        creditMemos = FluentCreditMemoRepository(database)
        deposits = FluentDepositRepository(database)
        jobs = FluentJobRepository(database)
        contacts = FluentContactRepository(database)
    }
}
