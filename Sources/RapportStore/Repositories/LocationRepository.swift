import RapportCore

/// Reads and writes locations.
public protocol LocationRepository: Sendable {
    /// The stored locations among `ids`.
    func fetchLocations(_ ids: some Collection<Location.ID> & Sendable) async throws -> [Location]
    /// Inserts new locations in one transaction.
    func insertLocations(_ locations: [Location], progress: BatchProgress?) async throws
    /// Calls `body` with every location, in id order, a page at a time.
    func forEachLocationPage(size: Int, _ body: ([Location]) async throws -> Void) async throws
}
