import RapportCore
import RapportImport
import RapportStore
import RapportTestSupport
import Testing

@Suite("Importing jobs and follow-ups")
struct JobImportTests {
    @Test(arguments: TestDatabase.available)
    func jobsAndFollowUpsImportValidateAndExport(engine: TestDatabase) async throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        try await engine.withDatabase { db in
            let importer = db.importer()
            for (kind, text) in [(ImportKind.accounts, Fixtures.accounts), (.locations, Fixtures.locations),
                                 (.jobs, Fixtures.jobs), (.followups, Fixtures.followups)] {
                let summary = try await importer.importFile(kind, path: try files.write("\(kind).csv", text))
                #expect(summary.rowsRejected == 0)
            }
            let jobs = try await FluentJobRepository(db).fetchJobs(["J1", "J2"])
            let j1 = try #require(jobs.first { $0.id == "J1" })
            let billedOff = try Day(iso: "2024-01-05")
            #expect(j1.percentComplete == 95 && j1.billedOffOn == billedOff && j1.locationID == "L1")
            let items = try await FluentJobRepository(db).fetchFollowUps(["F1", "F2"])
            #expect(items.count == 2)
            #expect(items.first { $0.id == "F2" }?.completedOn == nil)
            #expect(try await db.exportText(.followups).contains("F1,J1,installation,\"Mount the last two sensors, east wing\",2024-01-20,2024-01-25"))
            let again = try await importer.importFile(.jobs, path: files.path("jobs.csv"))
            #expect(again.rowsWritten == 0 && again.rowsUnchanged == 2)
            let bad = try files.write("badjobs.csv", """
                job_id,account_id,location_id,kind,department,percent_complete
                J3,A1,L2,installation,installation,50
                J4,A1,L1,repair,installation,50
                J5,A1,L1,service,plumbing,50
                J6,A1,L1,service,service,101
                J7,GHOST,L1,service,service,10
                """)
            let refused = try await importer.importFile(.jobs, path: bad, skipInvalid: true)
            #expect(refused.rejected.map(\.description) == [
                "\(bad):2: location_id: location L2 belongs to account A2",
                "\(bad):3: kind: expected one of installation|service, got \"repair\"",
                "\(bad):4: department: expected one of installation|sales|service|customer_care|billing|client_relations, got \"plumbing\"",
                "\(bad):5: percent_complete: expected a whole number from 0 to 100, got \"101\"",
                "\(bad):6: account_id: unknown account GHOST",
            ])
            // A later export that marks F2 done completes it; changing a done day is still a conflict.
            let later = try files.write("later.csv", Fixtures.followups.replacingOccurrences(
                of: "keypad,2024-01-31,", with: "keypad,2024-01-31,2024-02-14"))
            let completion = try await importer.importFile(.followups, path: later)
            #expect(completion.rowsWritten == 1 && completion.rowsUnchanged == 1)
            #expect(try await FluentJobRepository(db).fetchFollowUps(["F2"]).first?.completedOn == (try Day(iso: "2024-02-14")))
            let moved = try files.write("moved.csv", Fixtures.followups.replacingOccurrences(
                of: "keypad,2024-01-31,", with: "keypad,2024-01-31,2024-02-20"))
            let conflict = try await importer.importFile(.followups, path: moved, skipInvalid: true)
            #expect(conflict.rejected.map(\.field) == ["followup_id"] && conflict.rowsWritten == 0)
            let orphan = try files.write("orphan.csv", "followup_id,job_id,department,description,due_on\nF9,J9,billing,x,2024-02-30\nF8,J9,billing,x,2024-02-01\n")
            await #expect(throws: ImportError.refused(file: orphan, errors: [
                RowError(file: orphan, line: 2, field: "due_on", reason: "2024-02-30 does not exist"),
                RowError(file: orphan, line: 3, field: "job_id", reason: "unknown job J9"),
            ])) {
                try await importer.importFile(.followups, path: orphan)
            }
        }
    }
}
