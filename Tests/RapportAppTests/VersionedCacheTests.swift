import RapportApp
import Testing

/// Kept results: valid while the change counter stands still.
@Suite("Versioned cache")
struct VersionedCacheTests {
    /// Counts computations.
    private actor Counter {
        var count = 0
        func next() -> Int {
            count += 1
            return count
        }
    }

    @Test func aValueIsKeptUntilTheCounterMovesOn() async throws {
        let cache = VersionedCache<String, Int>(capacity: 4)
        let counter = Counter()
        #expect(try await cache.value("a", version: 1) { await counter.next() } == 1)
        #expect(try await cache.value("a", version: 1) { await counter.next() } == 1)
        #expect(try await cache.value("b", version: 7) { await counter.next() } == 2, "each key has its own counter")
        #expect(try await cache.value("a", version: 2) { await counter.next() } == 3, "a newer counter replaces the value")
        #expect(try await cache.value("a", version: 1) { await counter.next() } == 4, "an older counter computes")
        #expect(try await cache.value("a", version: 2) { await counter.next() } == 3, "without replacing what the newer one kept")
        #expect(try await cache.value("b", version: 7) { await counter.next() } == 2)
        #expect(try await cache.value("a", version: nil) { await counter.next() } == 5, "no counter: always computed")
        let (hits, misses) = (await cache.hits, await cache.misses)
        #expect(hits == 3 && misses == 5)
    }

    @Test func aFailedComputationIsNotKeptAndTheOldestValueMakesRoom() async throws {
        struct Failure: Error {}
        let cache = VersionedCache<Int, Int>(capacity: 2)
        let counter = Counter()
        await #expect(throws: Failure.self) { try await cache.value(0, version: 1) { throw Failure() } }
        #expect(try await cache.value(0, version: 1) { await counter.next() } == 1)
        #expect(try await cache.value(1, version: 1) { await counter.next() } == 2)
        #expect(try await cache.value(2, version: 1) { await counter.next() } == 3)
        #expect(try await cache.value(1, version: 1) { await counter.next() } == 2)
        #expect(try await cache.value(0, version: 1) { await counter.next() } == 4, "the oldest went first")
    }

    @Test func requestsForAKeyBeingComputedShareTheComputation() async throws {
        let cache = VersionedCache<String, Int>(capacity: 4)
        let counter = Counter()
        let (gate, open) = AsyncStream<Void>.makeStream()
        let first = Task { try await cache.value("a", version: 1) { for await _ in gate { break }; return await counter.next() } }
        // The first request is computing (waiting at the gate) once the cache counts its miss.
        while await cache.misses == 0 { await Task.yield() }
        let second = Task { try await cache.value("a", version: 1) { await counter.next() } }
        while await cache.hits == 0 { await Task.yield() }
        open.yield()
        let (one, two) = (try await first.value, try await second.value)
        #expect(one == 1 && two == 1)
        #expect(await counter.count == 1)
    }
}
