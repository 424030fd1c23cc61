import RapportCore

/// What checking an import needs to know of the rows already stored: the parser asks, the caller
/// (RapportApp, over its repositories) answers. Each returns the stored rows among `ids`.
public protocol ImportLookup: Sendable {
    func fetchAccounts(_ ids: [Account.ID]) async throws -> [Account]
    func fetchLocations(_ ids: [Location.ID]) async throws -> [Location]
    func fetchContacts(_ ids: [Contact.ID]) async throws -> [Contact]
    func fetchInvoices(_ ids: [Invoice.ID]) async throws -> [Invoice]
    func fetchPayments(_ ids: [Payment.ID]) async throws -> [Payment]
    func fetchCreditMemos(_ ids: [CreditMemo.ID]) async throws -> [CreditMemo]
    func fetchDeposits(_ ids: [Deposit.ID]) async throws -> [Deposit]
    func fetchJobs(_ ids: [Job.ID]) async throws -> [Job]
    func fetchFollowUps(_ ids: [FollowUpItem.ID]) async throws -> [FollowUpItem]
}

/// Where an export reads its rows, a page at a time in id order.
public protocol ExportSource: Sendable {
    func forEachAccountPage(size: Int, _ body: ([Account]) async throws -> Void) async throws
    func forEachLocationPage(size: Int, _ body: ([Location]) async throws -> Void) async throws
    func forEachContactPage(size: Int, _ body: ([Contact]) async throws -> Void) async throws
    func forEachInvoicePage(size: Int, _ body: ([Invoice]) async throws -> Void) async throws
    func forEachPaymentPage(size: Int, _ body: ([Payment]) async throws -> Void) async throws
    func forEachCreditMemoPage(size: Int, _ body: ([CreditMemo]) async throws -> Void) async throws
    func forEachDepositPage(size: Int, _ body: ([Deposit]) async throws -> Void) async throws
    func forEachJobPage(size: Int, _ body: ([Job]) async throws -> Void) async throws
    func forEachFollowUpPage(size: Int, _ body: ([FollowUpItem]) async throws -> Void) async throws
}
