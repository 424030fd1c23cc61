import RapportCore

/// Writes a simulated company (the demo) into an empty database.
public protocol DemoLedgerRepository: Sendable {
    /// Writes the ledger and its users in one transaction; `progress` gets a line per table.
    func write(_ ledger: SimulatedLedger, users: [User], progress: @escaping @Sendable (String) -> Void) async throws
}

extension SimulatedLedgerWriter: DemoLedgerRepository {}
