/// Every repository of one database, as `Sendable` protocols: what RapportApp's environment holds.
/// Tests build it from fakes; `init(_:)` gives the SQLite or PostgreSQL implementations.
public struct StoreRepositories: Sendable {
    public var accounts: any AccountRepository
    public var locations: any LocationRepository
    public var contacts: any ContactRepository
    public var invoices: any InvoiceRepository
    public var payments: any PaymentRepository
    public var creditMemos: any CreditMemoRepository
    public var deposits: any DepositRepository
    public var jobs: any JobRepository
    public var ledger: any LedgerQueries
    public var interactions: any InteractionRepository
    public var cases: any CaseRepository
    public var changeRequests: any ChangeRequestRepository
    public var promises: any PromiseRepository
    public var arrangements: any ArrangementRepository
    public var billingChanges: any BillingChangeRepository
    public var creditReviews: any CreditReviewRepository
    public var correctiveActions: any CorrectiveActionRepository
    public var queue: any QueueRepository
    public var metrics: any MetricsRepository
    public var productivity: any ProductivityRepository
    public var riskModels: any RiskModelRepository
    public var sequences: any SequenceRepository
    public var demo: any DemoLedgerRepository
    public var health: any HealthRepository
    public var overviews: any AccountOverviewRepository
    public var users: any UserRepository
    public var sessions: any SessionRepository
    public var audit: any AuditRepository
    public var apiTokens: any APITokenRepository
    public var idempotency: any IdempotencyRepository
    public var changes: any ChangeVersionRepository
    public var bank: any BankRepository

    /// A bundle of the given repositories (tests pass fakes).
    public init(
        accounts: any AccountRepository, locations: any LocationRepository, contacts: any ContactRepository,
        invoices: any InvoiceRepository, payments: any PaymentRepository, creditMemos: any CreditMemoRepository,
        deposits: any DepositRepository, jobs: any JobRepository, ledger: any LedgerQueries,
        interactions: any InteractionRepository, cases: any CaseRepository, changeRequests: any ChangeRequestRepository,
        promises: any PromiseRepository, arrangements: any ArrangementRepository, billingChanges: any BillingChangeRepository,
        creditReviews: any CreditReviewRepository, correctiveActions: any CorrectiveActionRepository, queue: any QueueRepository,
        metrics: any MetricsRepository, productivity: any ProductivityRepository, riskModels: any RiskModelRepository,
        sequences: any SequenceRepository, demo: any DemoLedgerRepository, health: any HealthRepository,
        overviews: any AccountOverviewRepository, users: any UserRepository, sessions: any SessionRepository,
        audit: any AuditRepository, apiTokens: any APITokenRepository, idempotency: any IdempotencyRepository,
        changes: any ChangeVersionRepository = NoChangeVersion(), bank: any BankRepository
    ) {
        self.accounts = accounts
        self.locations = locations
        self.contacts = contacts
        self.invoices = invoices
        self.payments = payments
        self.creditMemos = creditMemos
        self.deposits = deposits
        self.jobs = jobs
        self.ledger = ledger
        self.interactions = interactions
        self.cases = cases
        self.changeRequests = changeRequests
        self.promises = promises
        self.arrangements = arrangements
        self.billingChanges = billingChanges
        self.creditReviews = creditReviews
        self.correctiveActions = correctiveActions
        self.queue = queue
        self.metrics = metrics
        self.productivity = productivity
        self.riskModels = riskModels
        self.sequences = sequences
        self.demo = demo
        self.health = health
        self.overviews = overviews
        self.users = users
        self.sessions = sessions
        self.audit = audit
        self.apiTokens = apiTokens
        self.idempotency = idempotency
        self.changes = changes
        self.bank = bank
    }

    /// The SQLite or PostgreSQL repositories of `database`.
    public init(_ database: RapportDatabase) {
        self.init(
            accounts: FluentAccountRepository(database), locations: FluentLocationRepository(database),
            contacts: FluentContactRepository(database), invoices: FluentInvoiceRepository(database),
            payments: FluentPaymentRepository(database), creditMemos: FluentCreditMemoRepository(database),
            deposits: FluentDepositRepository(database), jobs: FluentJobRepository(database), ledger: FluentLedgerQueries(database),
            interactions: FluentInteractionRepository(database), cases: FluentCaseRepository(database),
            changeRequests: FluentChangeRequestRepository(database), promises: FluentPromiseRepository(database),
            arrangements: FluentArrangementRepository(database), billingChanges: FluentBillingChangeRepository(database),
            creditReviews: FluentCreditReviewRepository(database), correctiveActions: FluentCorrectiveActionRepository(database),
            queue: FluentQueueRepository(database), metrics: FluentMetricsRepository(database),
            productivity: FluentProductivityRepository(database), riskModels: FluentRiskModelRepository(database),
            sequences: FluentSequenceRepository(database), demo: SimulatedLedgerWriter(database), health: FluentHealthRepository(database),
            overviews: FluentAccountOverviewRepository(database), users: FluentUserRepository(database),
            sessions: FluentSessionRepository(database), audit: FluentAuditRepository(database),
            apiTokens: FluentAPITokenRepository(database), idempotency: FluentIdempotencyRepository(database),
            changes: FluentChangeVersionRepository(database), bank: FluentBankRepository(database))
    }
}
