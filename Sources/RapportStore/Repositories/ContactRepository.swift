import RapportCore

/// Reads and writes the people at customers.
public protocol ContactRepository: Sendable {
    func fetchContacts(_ ids: some Collection<Contact.ID> & Sendable) async throws -> [Contact]
    /// The contacts of `accounts`, by id.
    func fetchContacts(accounts: [Account.ID]) async throws -> [Contact]
    func insertContacts(_ contacts: [Contact], progress: BatchProgress?) async throws
    func forEachContactPage(size: Int, _ body: ([Contact]) async throws -> Void) async throws
}
