/// Results computed from the database, kept while its change counter stands still: a newer counter
/// empties the cache, a request that read an older one computes without keeping. Requests for a
/// key being computed wait for that computation instead of repeating it. At most `capacity`
/// results are kept (the oldest computed goes first).
public actor VersionedCache<Key: Hashable & Sendable, Value: Sendable> {
    private let capacity: Int
    private var version: Int64 = .min
    private var entries: [Key: Task<Value, any Error>] = [:]
    private var order: [Key] = []
    /// Answers served from the cache, and computed.
    public private(set) var hits = 0, misses = 0

    public init(capacity: Int) { self.capacity = max(1, capacity) }

    /// The value of `key` for the data at `version` (nil: no counter, always computed).
    public func value(_ key: Key, version: Int64?, compute: @escaping @Sendable () async throws -> Value) async throws -> Value {
        guard let version, version >= self.version else {
            misses += 1
            return try await compute()
        }
        if version > self.version {
            entries.removeAll()
            order.removeAll()
            self.version = version
        }
        if let running = entries[key] {
            hits += 1
            return try await running.value
        }
        misses += 1
        let task = Task { try await compute() }
        entries[key] = task
        order.append(key)
        if order.count > capacity { entries[order.removeFirst()] = nil }
        do {
            return try await task.value
        } catch {
            forget(key, task)
            throw error
        }
    }

    /// Drops `key` if it still holds `task` (a failed computation is not kept).
    private func forget(_ key: Key, _ task: Task<Value, any Error>) {
        guard let held = entries[key], held == task else { return }
        entries[key] = nil
        order.removeAll { $0 == key }
    }
}
