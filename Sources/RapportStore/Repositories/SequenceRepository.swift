/// Hands out numbers from named counters that several processes can share.
public protocol SequenceRepository: Sendable {
    /// The next value of the counter `name` (1 for a new counter); never the same value twice.
    func nextValue(_ name: String) async throws -> Int64
}
