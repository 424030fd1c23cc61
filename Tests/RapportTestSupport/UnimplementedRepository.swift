import RapportCore
import RapportStore

/// What an unconfigured fake throws: the repository method a test called without setting it up.
public struct Unimplemented: Error, CustomStringConvertible, Equatable {
    public let method: String
    public var description: String { "unimplemented: \(method)" }

    public init(method: String) { self.method = method }
}

/// A repository of every kind that fails loudly: each method throws `Unimplemented("Protocol.method")`.
/// Tests start from `StoreRepositories.unimplemented` and replace only what the use case under test may touch.
public struct UnimplementedRepository: AccountOverviewRepository, AccountRepository, ArrangementRepository,
    BillingChangeRepository, CaseRepository, ChangeRequestRepository, ContactRepository, CorrectiveActionRepository,
    CreditMemoRepository, CreditReviewRepository, DemoLedgerRepository, DepositRepository, HealthRepository,
    InteractionRepository, InvoiceRepository, JobRepository, LedgerQueries, LocationRepository, MetricsRepository,
    PaymentRepository, ProductivityRepository, PromiseRepository, QueueRepository, RiskModelRepository,
    SequenceRepository, UserRepository, SessionRepository, AuditRepository, APITokenRepository, IdempotencyRepository {
    public init() {}

    // AccountOverviewRepository
    public func fetchOverviewInput(_ root: Account.ID, asOf day: Day, latestTouches: Int?) async throws -> AccountOverview.Input? { throw Unimplemented(method: "AccountOverviewRepository.fetchOverviewInput") }
    public func fetchLargestFamilies(limit: Int) async throws -> [Account.ID] { throw Unimplemented(method: "AccountOverviewRepository.fetchLargestFamilies") }
    public func fetchLedgerSpan() async throws -> (first: Day, last: Day)? { throw Unimplemented(method: "AccountOverviewRepository.fetchLedgerSpan") }
    // AccountRepository
    public func fetchAccounts(_ ids: some Collection<Account.ID> & Sendable) async throws -> [Account] { throw Unimplemented(method: "AccountRepository.fetchAccounts") }
    public func insertAccounts(_ accounts: [Account], progress: BatchProgress?) async throws { throw Unimplemented(method: "AccountRepository.insertAccounts") }
    public func fetchChildren(of parent: Account.ID) async throws -> [Account] { throw Unimplemented(method: "AccountRepository.fetchChildren") }
    public func fetchFamily(of root: Account.ID) async throws -> [Account] { throw Unimplemented(method: "AccountRepository.fetchFamily") }
    public func countAccounts() async throws -> Int { throw Unimplemented(method: "AccountRepository.countAccounts") }
    public func forEachAccountPage(size: Int, _ body: ([Account]) async throws -> Void) async throws { throw Unimplemented(method: "AccountRepository.forEachAccountPage") }
    // ArrangementRepository
    public func insertArrangement(_ arrangement: PaymentArrangement) async throws { throw Unimplemented(method: "ArrangementRepository.insertArrangement") }
    public func fetchArrangements(accounts: [Account.ID]?) async throws -> [PaymentArrangement] { throw Unimplemented(method: "ArrangementRepository.fetchArrangements") }
    public func fetchArrangementAllocations(_ arrangements: [PaymentArrangement]) async throws -> [Allocation] { throw Unimplemented(method: "ArrangementRepository.fetchArrangementAllocations") }
    public func countArrangements() async throws -> Int { throw Unimplemented(method: "ArrangementRepository.countArrangements") }
    // BillingChangeRepository
    public func applyBillingChange(_ change: BillingChange, creditMemo: CreditMemo, invoices: [Invoice]) async throws { throw Unimplemented(method: "BillingChangeRepository.applyBillingChange") }
    public func fetchBillingChanges(from: Day?, to: Day?) async throws -> [BillingChange] { throw Unimplemented(method: "BillingChangeRepository.fetchBillingChanges") }
    public func fetchBills(of changes: [BillingChange], through day: Day) async throws -> [BillingChange.ID: [RetentionReport.Bill]] { throw Unimplemented(method: "BillingChangeRepository.fetchBills") }
    public func countBillingChanges() async throws -> Int { throw Unimplemented(method: "BillingChangeRepository.countBillingChanges") }
    // CaseRepository
    public func fetchCase(_ id: Case.ID) async throws -> Case? { throw Unimplemented(method: "CaseRepository.fetchCase") }
    public func fetchCases(department: Department?, status: Case.Status?, account: Account.ID?) async throws -> [Case] { throw Unimplemented(method: "CaseRepository.fetchCases") }
    public func fetchCases(resolvedIn period: Period) async throws -> [Case] { throw Unimplemented(method: "CaseRepository.fetchCases(resolvedIn:)") }
    public func insertCase(_ item: Case) async throws { throw Unimplemented(method: "CaseRepository.insertCase") }
    public func updateCase(_ item: Case) async throws { throw Unimplemented(method: "CaseRepository.updateCase") }
    public func countCases() async throws -> Int { throw Unimplemented(method: "CaseRepository.countCases") }
    // ChangeRequestRepository
    public func insertChangeRequest(_ change: ChangeRequest) async throws { throw Unimplemented(method: "ChangeRequestRepository.insertChangeRequest") }
    public func updateChangeRequest(_ change: ChangeRequest) async throws { throw Unimplemented(method: "ChangeRequestRepository.updateChangeRequest") }
    public func fetchChangeRequest(_ id: ChangeRequest.ID) async throws -> ChangeRequest? { throw Unimplemented(method: "ChangeRequestRepository.fetchChangeRequest") }
    public func fetchChangeRequests(account: Account.ID?, openOnly: Bool) async throws -> [ChangeRequest] { throw Unimplemented(method: "ChangeRequestRepository.fetchChangeRequests") }
    public func fetchInvoices(accounts: [Account.ID], issuedAfter day: Day) async throws -> [Invoice] { throw Unimplemented(method: "ChangeRequestRepository.fetchInvoices") }
    public func countChangeRequests() async throws -> Int { throw Unimplemented(method: "ChangeRequestRepository.countChangeRequests") }
    // ContactRepository
    public func fetchContacts(_ ids: some Collection<Contact.ID> & Sendable) async throws -> [Contact] { throw Unimplemented(method: "ContactRepository.fetchContacts") }
    public func fetchContacts(accounts: [Account.ID]) async throws -> [Contact] { throw Unimplemented(method: "ContactRepository.fetchContacts") }
    public func insertContacts(_ contacts: [Contact], progress: BatchProgress?) async throws { throw Unimplemented(method: "ContactRepository.insertContacts") }
    public func forEachContactPage(size: Int, _ body: ([Contact]) async throws -> Void) async throws { throw Unimplemented(method: "ContactRepository.forEachContactPage") }
    // CorrectiveActionRepository
    public func insertCorrectiveAction(_ action: CorrectiveAction) async throws { throw Unimplemented(method: "CorrectiveActionRepository.insertCorrectiveAction") }
    public func updateCorrectiveAction(_ action: CorrectiveAction) async throws { throw Unimplemented(method: "CorrectiveActionRepository.updateCorrectiveAction") }
    public func fetchCorrectiveAction(_ id: CorrectiveAction.ID) async throws -> CorrectiveAction? { throw Unimplemented(method: "CorrectiveActionRepository.fetchCorrectiveAction") }
    public func fetchCorrectiveActions() async throws -> [CorrectiveAction] { throw Unimplemented(method: "CorrectiveActionRepository.fetchCorrectiveActions") }
    public func countCorrectiveActions() async throws -> Int { throw Unimplemented(method: "CorrectiveActionRepository.countCorrectiveActions") }
    public func countInvoices(issuedIn period: Period) async throws -> Int { throw Unimplemented(method: "CorrectiveActionRepository.countInvoices") }
    public func fetchHeldInvoices(_ invoices: [Invoice.ID]) async throws -> [CorrectiveActionEffect.HeldInvoice] { throw Unimplemented(method: "CorrectiveActionRepository.fetchHeldInvoices") }
    // CreditMemoRepository
    public func fetchCreditMemos(_ ids: some Collection<CreditMemo.ID> & Sendable) async throws -> [CreditMemo] { throw Unimplemented(method: "CreditMemoRepository.fetchCreditMemos") }
    public func postCreditMemos(_ memos: [CreditMemo], progress: BatchProgress?) async throws -> PostingSummary { throw Unimplemented(method: "CreditMemoRepository.postCreditMemos") }
    public func forEachCreditMemoPage(size: Int, _ body: ([CreditMemo]) async throws -> Void) async throws { throw Unimplemented(method: "CreditMemoRepository.forEachCreditMemoPage") }
    // CreditReviewRepository
    public func insertCreditReview(_ review: CreditReview) async throws { throw Unimplemented(method: "CreditReviewRepository.insertCreditReview") }
    public func fetchCreditReviews(account: Account.ID?) async throws -> [CreditReview] { throw Unimplemented(method: "CreditReviewRepository.fetchCreditReviews") }
    public func countCreditReviews() async throws -> Int { throw Unimplemented(method: "CreditReviewRepository.countCreditReviews") }
    // DemoLedgerRepository
    public func write(_ ledger: SimulatedLedger, users: [User], progress: @escaping @Sendable (String) -> Void) async throws { throw Unimplemented(method: "DemoLedgerRepository.write") }
    // DepositRepository
    public func fetchDeposits(_ ids: some Collection<Deposit.ID> & Sendable) async throws -> [Deposit] { throw Unimplemented(method: "DepositRepository.fetchDeposits") }
    public func postDeposits(_ deposits: [Deposit], progress: BatchProgress?) async throws -> PostingSummary { throw Unimplemented(method: "DepositRepository.postDeposits") }
    public func forEachDepositPage(size: Int, _ body: ([Deposit]) async throws -> Void) async throws { throw Unimplemented(method: "DepositRepository.forEachDepositPage") }
    // HealthRepository
    public func ping() async throws { throw Unimplemented(method: "HealthRepository.ping") }
    // InteractionRepository
    public func insertInteraction(_ touch: Interaction) async throws { throw Unimplemented(method: "InteractionRepository.insertInteraction") }
    public func fetchInteractions(accounts: some Collection<Account.ID> & Sendable) async throws -> [Interaction] { throw Unimplemented(method: "InteractionRepository.fetchInteractions") }
    public func countInteractions() async throws -> Int { throw Unimplemented(method: "InteractionRepository.countInteractions") }
    // InvoiceRepository
    public func fetchInvoices(_ ids: some Collection<Invoice.ID> & Sendable) async throws -> [Invoice] { throw Unimplemented(method: "InvoiceRepository.fetchInvoices") }
    public func insertInvoices(_ invoices: [Invoice], progress: BatchProgress?) async throws { throw Unimplemented(method: "InvoiceRepository.insertInvoices") }
    public func forEachInvoicePage(size: Int, _ body: ([Invoice]) async throws -> Void) async throws { throw Unimplemented(method: "InvoiceRepository.forEachInvoicePage") }
    // JobRepository
    public func fetchJobs(_ ids: some Collection<Job.ID> & Sendable) async throws -> [Job] { throw Unimplemented(method: "JobRepository.fetchJobs") }
    public func insertJobs(_ jobs: [Job], progress: BatchProgress?) async throws { throw Unimplemented(method: "JobRepository.insertJobs") }
    public func forEachJobPage(size: Int, _ body: ([Job]) async throws -> Void) async throws { throw Unimplemented(method: "JobRepository.forEachJobPage") }
    public func fetchFollowUps(_ ids: some Collection<FollowUpItem.ID> & Sendable) async throws -> [FollowUpItem] { throw Unimplemented(method: "JobRepository.fetchFollowUps") }
    public func saveFollowUps(new items: [FollowUpItem], completed: [FollowUpItem], progress: BatchProgress?) async throws { throw Unimplemented(method: "JobRepository.saveFollowUps") }
    public func forEachFollowUpPage(size: Int, _ body: ([FollowUpItem]) async throws -> Void) async throws { throw Unimplemented(method: "JobRepository.forEachFollowUpPage") }
    // LedgerQueries
    public func ledgerReport(for account: Account.ID, asOf day: Day) async throws -> LedgerReport? { throw Unimplemented(method: "LedgerQueries.ledgerReport") }
    public func ledgerReports(for accounts: [Account.ID], asOf day: Day) async throws -> [LedgerReport] { throw Unimplemented(method: "LedgerQueries.ledgerReports") }
    public func openAmounts(of invoices: [Invoice.ID]) async throws -> [Invoice.ID: Money] { throw Unimplemented(method: "LedgerQueries.openAmounts") }
    // LocationRepository
    public func fetchLocations(_ ids: some Collection<Location.ID> & Sendable) async throws -> [Location] { throw Unimplemented(method: "LocationRepository.fetchLocations") }
    public func insertLocations(_ locations: [Location], progress: BatchProgress?) async throws { throw Unimplemented(method: "LocationRepository.insertLocations") }
    public func forEachLocationPage(size: Int, _ body: ([Location]) async throws -> Void) async throws { throw Unimplemented(method: "LocationRepository.forEachLocationPage") }
    // MetricsRepository
    public func fetchCurrencies() async throws -> [Currency] { throw Unimplemented(method: "MetricsRepository.fetchCurrencies") }
    public func fetchFacts(currency: Currency, cuts: [Day], grouping: MetricsGrouping) async throws -> ReceivableFacts { throw Unimplemented(method: "MetricsRepository.fetchFacts") }
    public func fetchFacts(currency: Currency, cuts: [Day], grouping: MetricsGrouping, paid: Bool) async throws -> ReceivableFacts { throw Unimplemented(method: "MetricsRepository.fetchFacts") }
    public func fetchAgingFacts(currency: Currency, asOf day: Day, grouping: MetricsGrouping) async throws -> ReceivableFacts { throw Unimplemented(method: "MetricsRepository.fetchAgingFacts") }
    public func fetchLedgerDays(currency: Currency, period: Period, grouping: MetricsGrouping) async throws -> LedgerDays { throw Unimplemented(method: "MetricsRepository.fetchLedgerDays") }
    public func fetchPeriodFacts(currency: Currency, period: Period, grouping: MetricsGrouping) async throws -> (days: LedgerDays, openAtEnd: ReceivableFacts) { throw Unimplemented(method: "MetricsRepository.fetchPeriodFacts") }
    // PaymentRepository
    public func fetchPayments(_ ids: some Collection<Payment.ID> & Sendable) async throws -> [Payment] { throw Unimplemented(method: "PaymentRepository.fetchPayments") }
    public func postPayments(_ payments: [Payment], progress: BatchProgress?) async throws -> PostingSummary { throw Unimplemented(method: "PaymentRepository.postPayments") }
    public func forEachPaymentPage(size: Int, _ body: ([Payment]) async throws -> Void) async throws { throw Unimplemented(method: "PaymentRepository.forEachPaymentPage") }
    // ProductivityRepository
    public func fetchProductivityData(period: Period, currency: Currency) async throws -> ProductivityData { throw Unimplemented(method: "ProductivityRepository.fetchProductivityData") }
    public func fetchIssuesFound(period: Period) async throws -> (touches: [Interaction], collectionStarts: [Invoice.ID: Day]) { throw Unimplemented(method: "ProductivityRepository.fetchIssuesFound") }
    // PromiseRepository
    public func insertPromise(_ promise: PromiseToPay) async throws { throw Unimplemented(method: "PromiseRepository.insertPromise") }
    public func fetchPromises(accounts: [Account.ID]?) async throws -> [PromiseToPay] { throw Unimplemented(method: "PromiseRepository.fetchPromises") }
    public func fetchPayments(accounts: [Account.ID], from: Day) async throws -> [Payment] { throw Unimplemented(method: "PromiseRepository.fetchPayments") }
    public func countPromises() async throws -> Int { throw Unimplemented(method: "PromiseRepository.countPromises") }
    // QueueRepository
    public func fetchQueueData(specialist: String, day: Day, jobsBilledOffFrom: Day) async throws -> QueueData? { throw Unimplemented(method: "QueueRepository.fetchQueueData") }
    public func fetchTouches(from starts: [Account.ID: Day], through: Day) async throws -> [Interaction] { throw Unimplemented(method: "QueueRepository.fetchTouches") }
    public func fetchLatestTouches(accounts: [Account.ID], purposes: [Interaction.Purpose], through: Day) async throws -> [Interaction] { throw Unimplemented(method: "QueueRepository.fetchLatestTouches") }
    public func fetchCallBacks(from: Day, through: Day) async throws -> [Interaction] { throw Unimplemented(method: "QueueRepository.fetchCallBacks") }
    public func fetchSpecialists() async throws -> [String] { throw Unimplemented(method: "QueueRepository.fetchSpecialists") }
    // RiskModelRepository
    public func fetchTrainingInvoices(asOf: Day) async throws -> [RiskTraining.InvoiceFacts] { throw Unimplemented(method: "RiskModelRepository.fetchTrainingInvoices") }
    public func fetchJobs() async throws -> [Job] { throw Unimplemented(method: "RiskModelRepository.fetchJobs") }
    public func saveModel(_ result: RiskTraining.Result) async throws { throw Unimplemented(method: "RiskModelRepository.saveModel") }
    public func fetchLatestModel() async throws -> RiskTraining.Result? { throw Unimplemented(method: "RiskModelRepository.fetchLatestModel") }
    // SequenceRepository
    public func nextValue(_ name: String) async throws -> Int64 { throw Unimplemented(method: "SequenceRepository.nextValue") }
    // UserRepository
    public func insertUser(_ user: User, passwordHash: String?, at: Instant) async throws { throw Unimplemented(method: "UserRepository.insertUser") }
    public func fetchUser(_ id: User.ID) async throws -> StoredUser? { throw Unimplemented(method: "UserRepository.fetchUser") }
    public func fetchUsers() async throws -> [StoredUser] { throw Unimplemented(method: "UserRepository.fetchUsers") }
    public func updatePasswordHash(_ id: User.ID, to hash: String) async throws { throw Unimplemented(method: "UserRepository.updatePasswordHash") }
    public func updateDisabled(_ id: User.ID, to disabled: Bool) async throws { throw Unimplemented(method: "UserRepository.updateDisabled") }
    public func insertSignInFailure(username: String, at: Instant) async throws { throw Unimplemented(method: "UserRepository.insertSignInFailure") }
    public func fetchSignInFailures(username: String, since: Instant) async throws -> [Instant] { throw Unimplemented(method: "UserRepository.fetchSignInFailures") }
    public func fetchAccountPage(after: Account.ID?, limit: Int) async throws -> [Account] { throw Unimplemented(method: "AccountRepository.fetchAccountPage") }
    public func fetchInvoicePage(account: Account.ID?, openOnly: Bool, after: Invoice.ID?, limit: Int) async throws -> [Invoice] { throw Unimplemented(method: "InvoiceRepository.fetchInvoicePage") }

    // APITokenRepository
    public func insertToken(_ token: StoredAPIToken) async throws { throw Unimplemented(method: "APITokenRepository.insertToken") }
    public func fetchToken(hash: String) async throws -> StoredAPIToken? { throw Unimplemented(method: "APITokenRepository.fetchToken(hash:)") }
    public func fetchToken(id: String) async throws -> StoredAPIToken? { throw Unimplemented(method: "APITokenRepository.fetchToken(id:)") }
    public func fetchTokens() async throws -> [StoredAPIToken] { throw Unimplemented(method: "APITokenRepository.fetchTokens") }
    public func updateLastUsed(_ id: String, at: Instant) async throws { throw Unimplemented(method: "APITokenRepository.updateLastUsed") }
    public func updateRevoked(_ id: String, at: Instant) async throws { throw Unimplemented(method: "APITokenRepository.updateRevoked") }

    // IdempotencyRepository
    public func claimKey(_ key: String, user: User.ID, requestHash: String, at: Instant, expiresBefore: Instant) async throws -> IdempotencyClaim { throw Unimplemented(method: "IdempotencyRepository.claimKey") }
    public func completeKey(_ key: String, user: User.ID, response: StoredResponse) async throws { throw Unimplemented(method: "IdempotencyRepository.completeKey") }
    public func releaseKey(_ key: String, user: User.ID) async throws { throw Unimplemented(method: "IdempotencyRepository.releaseKey") }

    // SessionRepository
    public func insertSession(_ session: StoredSession) async throws { throw Unimplemented(method: "SessionRepository.insertSession") }
    public func fetchSession(_ id: String) async throws -> StoredSession? { throw Unimplemented(method: "SessionRepository.fetchSession") }
    public func updateLastSeen(_ id: String, at: Instant) async throws { throw Unimplemented(method: "SessionRepository.updateLastSeen") }
    public func deleteSession(_ id: String) async throws { throw Unimplemented(method: "SessionRepository.deleteSession") }
    public func deleteSessions(of user: User.ID) async throws { throw Unimplemented(method: "SessionRepository.deleteSessions") }
    public func claimFormToken(_ token: String, user: User.ID, at: Instant) async throws -> String? { throw Unimplemented(method: "SessionRepository.claimFormToken") }
    public func completeFormToken(_ token: String, location: String) async throws { throw Unimplemented(method: "SessionRepository.completeFormToken") }
    public func releaseFormToken(_ token: String) async throws { throw Unimplemented(method: "SessionRepository.releaseFormToken") }
    // AuditRepository
    public func insertAuditEvent(_ event: AuditEvent) async throws { throw Unimplemented(method: "AuditRepository.insertAuditEvent") }
    public func fetchAuditEvents(since: Instant?, limit: Int) async throws -> [AuditEvent] { throw Unimplemented(method: "AuditRepository.fetchAuditEvents") }
    public func fetchAuditEvents(entity: String, id: String) async throws -> [AuditEvent] { throw Unimplemented(method: "AuditRepository.fetchAuditEvents(entity:id:)") }
}

extension UnimplementedRepository: BankRepository {
    public func fetchFileID(contentHash: String) async throws -> String? { throw Unimplemented(method: "BankRepository.fetchFileID") }
    public func insertFile(_ file: NewBankFile) async throws -> [CashItem] { throw Unimplemented(method: "BankRepository.insertFile") }
    public func fetchItems(states: Set<CashItem.State>) async throws -> [CashItem] { throw Unimplemented(method: "BankRepository.fetchItems") }
    public func fetchItem(_ id: String) async throws -> CashItem? { throw Unimplemented(method: "BankRepository.fetchItem") }
    public func updateItem(_ id: String, state: CashItem.State, proposal: CashProposal?, decidedBy: String?, at: Instant?) async throws {
        throw Unimplemented(method: "BankRepository.updateItem")
    }
    public func fetchBankAccounts() async throws -> [(bankAccount: String, accountID: Account.ID)] { throw Unimplemented(method: "BankRepository.fetchBankAccounts") }
    public func insertBankAccount(_ bankAccount: String, accountID: Account.ID, source: String) async throws {
        throw Unimplemented(method: "BankRepository.insertBankAccount")
    }
    public func fetchOpenInvoices() async throws -> [OpenInvoiceForCash] { throw Unimplemented(method: "BankRepository.fetchOpenInvoices") }
    public func fetchPayers() async throws -> [PayerForCash] { throw Unimplemented(method: "BankRepository.fetchPayers") }
}

extension StoreRepositories {
    /// Every repository unimplemented: a use case that touches one it was not given fails with its name.
    public static var unimplemented: StoreRepositories {
        let fake = UnimplementedRepository()
        return StoreRepositories(
            accounts: fake, locations: fake, contacts: fake, invoices: fake, payments: fake, creditMemos: fake, deposits:
            fake, jobs: fake, ledger: fake, interactions: fake, cases: fake, changeRequests: fake, promises: fake,
            arrangements: fake, billingChanges: fake, creditReviews: fake, correctiveActions: fake, queue: fake, metrics:
            fake, productivity: fake, riskModels: fake, sequences: fake, demo: fake, health: fake, overviews: fake, users: fake,
            sessions: fake, audit: fake, apiTokens: fake, idempotency: fake, bank: fake)
    }
}
