import FluentKit
@testable import RapportStore
import RapportTestSupport
import SQLKit
import Testing

@Suite("Reads from one snapshot")
struct ReadSnapshotTests {
    @Test(arguments: TestDatabase.available)
    func aCommitFromAnotherInstanceMidReadIsNotSeen(engine: TestDatabase) async throws {
        try await engine.withDatabase { db in
            // Another server instance on the same database writes while a report reads.
            let other = try await RapportDatabase.open(db.location)
            @Sendable func count(_ sql: any SQLDatabase) async throws -> Int {
                try await sql.rows("SELECT COUNT(*) AS n FROM id_sequences").first!.int("n")
            }
            let (before, during) = try await db.database.readSnapshot { tx in
                let sql = tx as! any SQLDatabase
                let before = try await count(sql)
                _ = try await FluentSequenceRepository(other).nextValue("snapshot_test")
                return (before, try await count(sql))
            }
            #expect(before == during)
            #expect(try await count(db.sql) == before + 1)
            await other.close()
        }
    }
}
