/// Results computed from the database, each kept with the change counter its data was read at
/// (see `ChangeVersionRepository`): a request at the same counter is served the kept result, one
/// at a newer counter replaces it, one at an older counter computes without keeping. Requests for
/// a key being computed at the same counter wait for that computation instead of repeating it.
/// At most `capacity` results are kept (the oldest computed goes first).
public actor VersionedCache<Key: Hashable & Sendable, Value: Sendable> {
    private struct Entry {
        var version: Int64
        var task: Task<Value, any Error>
    }

    private let capacity: Int
    private var entries: [Key: Entry] = [:]
    private var order: [Key] = []
    /// Answers served from the cache, and computed.
    public private(set) var hits = 0, misses = 0

    public init(capacity: Int) { self.capacity = max(1, capacity) }

    /// The value of `key` for the data at `version` (nil: no counter, always computed).
    public func value(_ key: Key, version: Int64?, compute: @escaping @Sendable () async throws -> Value) async throws -> Value {
        guard let version, version >= entries[key]?.version ?? .min else {
            misses += 1
            return try await compute()
        }
        if let kept = entries[key], kept.version == version {
            hits += 1
            return try await kept.task.value
        }
        misses += 1
        let task = Task { try await compute() }
        if entries.updateValue(Entry(version: version, task: task), forKey: key) == nil {
            order.append(key)
            if order.count > capacity { entries[order.removeFirst()] = nil }
        }
        do {
            return try await task.value
        } catch {
            forget(key, task)
            throw error
        }
    }

    /// Drops `key` if it still holds `task` (a failed computation is not kept).
    private func forget(_ key: Key, _ task: Task<Value, any Error>) {
        guard let held = entries[key], held.task == task else { return }
        entries[key] = nil
        order.removeAll { $0 == key }
    }
}
