import RapportCore
import RapportImport
import RapportStore

/// The import reader's look-ups and the exporter's pages, answered by the store's repositories.
struct StoreImportLookup: ImportLookup, ExportSource {
    let repositories: StoreRepositories

    func fetchAccounts(_ ids: [Account.ID]) async throws -> [Account] { try await repositories.accounts.fetchAccounts(ids) }
    func fetchLocations(_ ids: [Location.ID]) async throws -> [Location] { try await repositories.locations.fetchLocations(ids) }
    func fetchContacts(_ ids: [Contact.ID]) async throws -> [Contact] { try await repositories.contacts.fetchContacts(ids) }
    func fetchInvoices(_ ids: [Invoice.ID]) async throws -> [Invoice] { try await repositories.invoices.fetchInvoices(ids) }
    func fetchPayments(_ ids: [Payment.ID]) async throws -> [Payment] { try await repositories.payments.fetchPayments(ids) }
    func fetchCreditMemos(_ ids: [CreditMemo.ID]) async throws -> [CreditMemo] { try await repositories.creditMemos.fetchCreditMemos(ids) }
    func fetchDeposits(_ ids: [Deposit.ID]) async throws -> [Deposit] { try await repositories.deposits.fetchDeposits(ids) }
    func fetchJobs(_ ids: [Job.ID]) async throws -> [Job] { try await repositories.jobs.fetchJobs(ids) }
    func fetchFollowUps(_ ids: [FollowUpItem.ID]) async throws -> [FollowUpItem] { try await repositories.jobs.fetchFollowUps(ids) }

    func forEachAccountPage(size: Int, _ body: ([Account]) async throws -> Void) async throws {
        try await repositories.accounts.forEachAccountPage(size: size, body)
    }
    func forEachLocationPage(size: Int, _ body: ([Location]) async throws -> Void) async throws {
        try await repositories.locations.forEachLocationPage(size: size, body)
    }
    func forEachContactPage(size: Int, _ body: ([Contact]) async throws -> Void) async throws {
        try await repositories.contacts.forEachContactPage(size: size, body)
    }
    func forEachInvoicePage(size: Int, _ body: ([Invoice]) async throws -> Void) async throws {
        try await repositories.invoices.forEachInvoicePage(size: size, body)
    }
    func forEachPaymentPage(size: Int, _ body: ([Payment]) async throws -> Void) async throws {
        try await repositories.payments.forEachPaymentPage(size: size, body)
    }
    func forEachCreditMemoPage(size: Int, _ body: ([CreditMemo]) async throws -> Void) async throws {
        try await repositories.creditMemos.forEachCreditMemoPage(size: size, body)
    }
    func forEachDepositPage(size: Int, _ body: ([Deposit]) async throws -> Void) async throws {
        try await repositories.deposits.forEachDepositPage(size: size, body)
    }
    func forEachJobPage(size: Int, _ body: ([Job]) async throws -> Void) async throws {
        try await repositories.jobs.forEachJobPage(size: size, body)
    }
    func forEachFollowUpPage(size: Int, _ body: ([FollowUpItem]) async throws -> Void) async throws {
        try await repositories.jobs.forEachFollowUpPage(size: size, body)
    }
}
