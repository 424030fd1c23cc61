import RapportApp
import RapportCore
import RapportImport
import RapportStore
import RapportTestSupport
import Testing

/// Replacing a stored account (the API's PUT) on both databases: its reports move with it.
@Suite("Account updates on both databases")
struct AccountWriteStorageTests {
    private static let kinds: [ImportKind] = [.accounts, .locations, .jobs, .invoices, .payments, .creditMemos, .deposits]

    @Test(arguments: TestDatabase.available)
    func movingAnAccountToAnotherSegmentAndSpecialistReportsAsIfItHadAlwaysBeenThere(engine: TestDatabase) async throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        var moved: [String] = []
        var before: [String] = []
        try await engine.withDatabase { db in
            try await db.importFixtures(Self.kinds, files: files)
            let app = db.app()
            before = try await Self.reports(app)
            var account = try await app.accounts.get("A1")
            account.segment = .government
            account.specialist = "kim"
            let write = try await app.accounts.put(account)
            #expect(write.outcome == .update(changed: ["segment", "specialist"]) && write.regroups)
            let stored = try await app.accounts.get("A1")
            #expect(stored == account)
            moved = try await Self.reports(app)
            let audit = try #require(try await app.audit.list().last)
            #expect(audit.action == "account.update" && audit.before == "segment=commercial\nspecialist=lori"
                    && audit.after == "segment=government\nspecialist=kim")
        }
        let edited = try Fixtures()
        defer { edited.removeAll() }
        var fresh: [String] = []
        try await engine.withDatabase { db in
            let accounts = Fixtures.accounts.replacing("A1,\"Acme, Inc.\",commercial,,quarterly,lori,", with: "A1,\"Acme, Inc.\",government,,quarterly,kim,")
            let importer = db.importer()
            _ = try await importer.importFile(.accounts, path: try edited.write("accounts.csv", accounts))
            try await db.importFixtures(Array(Self.kinds.dropFirst()), files: edited)
            fresh = try await Self.reports(db.app())
        }
        #expect(moved == fresh)
        #expect(moved != before, "the move changes the reports by segment and specialist")
    }

    @Test(arguments: TestDatabase.available)
    func anUpdateIsCheckedBeforeAnythingIsWritten(engine: TestDatabase) async throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        try await engine.withDatabase { db in
            try await db.importFixtures([.accounts], files: files)
            let app = db.app()
            var parent = try await app.accounts.get("A1")
            parent.parentID = "A2"
            await #expect(throws: InvalidField("parent_id", "parent chain of A1 loops back to itself")) { try await app.accounts.put(parent) }
            parent.parentID = "ZZ"
            await #expect(throws: InvalidField("parent_id", "unknown account ZZ")) { try await app.accounts.put(parent) }
            let unchanged = try await app.accounts.get("A1")
            #expect(unchanged.parentID == nil)
            let same = try await app.accounts.get("R1")
            #expect(try await app.accounts.put(same).outcome == .unchanged)
            let created = try await app.accounts.put(Account(id: "N1", name: "New Co", segment: .commercial, parentID: "A1"))
            let stored = try await app.accounts.get("N1")
            #expect(created.outcome == .create && stored.parentID == "A1")
            _ = try await app.accounts.put(Account(id: "G1", name: "Grandchild", segment: .commercial, parentID: "A2"))
            let family = try await app.repositories.accounts.fetchFamily(of: "A1").map(\.id)
            #expect(family == ["A1", "A2", "N1", "G1"], "generation by generation, each by id")
        }
    }

    /// Metrics and aging by segment and by specialist, as text to compare.
    private static func reports(_ app: AppEnvironment) async throws -> [String] {
        let period = try Period(from: try Day(iso: "2024-01-01"), to: try Day(iso: "2024-03-31"))
        var lines: [String] = []
        for grouping in [MetricsGrouping.segment, .specialist, .none] {
            for part in try await app.reports.metrics(period, by: grouping).parts { lines.append("\(grouping) \(part.name) \(part.value)") }
            for part in try await app.reports.aging(asOf: period.to, by: grouping).parts { lines.append("\(grouping) \(part.name) \(part.value)") }
        }
        return lines
    }
}
