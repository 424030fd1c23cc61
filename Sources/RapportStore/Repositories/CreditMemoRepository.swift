import RapportCore

/// Reads credit memos and posts new ones like payments (to the named invoice, else oldest open).
public protocol CreditMemoRepository: Sendable {
    /// The stored credit memos among `ids`.
    func fetchCreditMemos(_ ids: some Collection<CreditMemo.ID> & Sendable) async throws -> [CreditMemo]
    /// Inserts and allocates new credit memos in one transaction.
    func postCreditMemos(_ memos: [CreditMemo], progress: BatchProgress?) async throws -> PostingSummary
    /// Calls `body` with every credit memo, in id order, a page at a time.
    func forEachCreditMemoPage(size: Int, _ body: ([CreditMemo]) async throws -> Void) async throws
}
