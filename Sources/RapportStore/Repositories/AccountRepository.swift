import RapportCore

/// Reads and writes accounts.
public protocol AccountRepository: Sendable {
    /// The stored accounts among `ids` (unknown ids are simply absent).
    func fetchAccounts(_ ids: some Collection<Account.ID> & Sendable) async throws -> [Account]
    /// Inserts new accounts in one transaction, parents before children.
    func insertAccounts(_ accounts: [Account], progress: BatchProgress?) async throws
    /// Replaces the stored account of the same id with `account`; `regroup` (its segment or
    /// specialist changed) moves what is summarised per segment and specialist along, in the same transaction.
    func updateAccount(_ account: Account, regroup: Bool) async throws
    /// The account's child accounts (multi-location key accounts), in id order.
    func fetchChildren(of parent: Account.ID) async throws -> [Account]
    /// The account followed by its children, their children and so on (empty when unknown).
    func fetchFamily(of root: Account.ID) async throws -> [Account]
    /// How many accounts are stored.
    func countAccounts() async throws -> Int
    /// Up to `limit` accounts by id, after `after` (the API's pages).
    func fetchAccountPage(after: Account.ID?, limit: Int) async throws -> [Account]
    /// Calls `body` with every account, in id order, a page at a time.
    func forEachAccountPage(size: Int, _ body: ([Account]) async throws -> Void) async throws
    /// Accounts whose id or invoice number is `text`, or whose name or a contact's name, email or
    /// phone contains it (case-insensitive), by id, at most `limit`.
    func searchAccounts(_ text: String, limit: Int) async throws -> [Account]
}

extension AccountRepository {
    public func updateAccount(_ account: Account, regroup: Bool) async throws {
        throw UnsupportedQuery(name: "AccountRepository.updateAccount")
    }

    public func searchAccounts(_ text: String, limit: Int) async throws -> [Account] {
        throw UnsupportedQuery(name: "AccountRepository.searchAccounts")
    }
}

/// A repository that does not implement an optional query (a fake that was not given it).
public struct UnsupportedQuery: Error, CustomStringConvertible {
    public var name: String
    public var description: String { "unimplemented: \(name)" }
}
