import RapportCore

/// Stores the touches specialists log.
public protocol InteractionRepository: Sendable {
    /// Inserts one interaction.
    func insertInteraction(_ touch: Interaction) async throws
    /// The interactions of `accounts`, oldest first.
    func fetchInteractions(accounts: some Collection<Account.ID> & Sendable) async throws -> [Interaction]
    /// The number stored, to number new ones.
    func countInteractions() async throws -> Int
}
