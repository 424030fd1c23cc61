import RapportCore

/// Reads and writes invoices with their lines; a new invoice is fully open.
public protocol InvoiceRepository: Sendable {
    /// The stored invoices among `ids`, with their lines.
    func fetchInvoices(_ ids: some Collection<Invoice.ID> & Sendable) async throws -> [Invoice]
    /// Inserts new invoices, their lines and their open items in one transaction, then applies
    /// deposits held for their jobs to each billed-off job's final invoice (`DepositPolicy`).
    func insertInvoices(_ invoices: [Invoice], progress: BatchProgress?) async throws
    /// Calls `body` with every invoice, in id order, a page at a time.
    func forEachInvoicePage(size: Int, _ body: ([Invoice]) async throws -> Void) async throws
    /// What was applied to `invoice` (payments, credit memos, deposits), oldest first.
    func fetchAllocations(of invoice: Invoice.ID) async throws -> [Allocation]
    /// Up to `limit` invoices by id after `after`, of one account or all, only those open today when `openOnly` (the API's pages).
    func fetchInvoicePage(account: Account.ID?, openOnly: Bool, after: Invoice.ID?, limit: Int) async throws -> [Invoice]
    /// The invoices billed for `job` that are still open, by issue day.
    func fetchOpenInvoiceIDs(job: Job.ID) async throws -> [Invoice.ID]
}

extension InvoiceRepository {
    public func fetchAllocations(of invoice: Invoice.ID) async throws -> [Allocation] {
        throw UnsupportedQuery(name: "InvoiceRepository.fetchAllocations")
    }

    public func fetchOpenInvoiceIDs(job: Job.ID) async throws -> [Invoice.ID] {
        throw UnsupportedQuery(name: "InvoiceRepository.fetchOpenInvoiceIDs")
    }
}
