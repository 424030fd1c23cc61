import Foundation
import RapportTestSupport
import Testing

@Suite("rapport simulate and rapport demo")
struct SimulateCommandTests {
    @Test func simulateBothGivesTheTwoPoliciesWithTheContractsFields() throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        let cli = CLIRunner(workingDirectory: files.folder)
        let result = try cli.run(["simulate", "--accounts", "300", "--months", "13", "--policy", "both", "--seed", "3", "--format", "json"])
        #expect(result.code == 0, "\(result.stderr)")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(list.map { $0["policy"] as? String } == ["traditional", "client-relations"])
        let keys: Set<String> = ["policy", "accounts", "months", "dso", "dsoCountback", "bestPossibleDso", "averageDaysDelinquent", "cei",
                                 "percentCurrent", "casesOpened", "issuesFoundBeforeCollectionStart", "accountsRetained"]
        for item in list {
            #expect(Set(item.keys) == keys)
            #expect(item["accounts"] as? Int == 300 && item["months"] as? Int == 13)
            #expect(item["dso"] is Double)
        }
        let one = try cli.run(["simulate", "--accounts", "300", "--months", "13", "--policy", "traditional", "--seed", "3", "--format", "json"])
        let single = try #require(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
        #expect(single["dso"] as? Double == list[0]["dso"] as? Double)          // same seed, same numbers
        let table = try cli.run(["simulate", "--accounts", "300", "--months", "13", "--specialists", "2", "--checkin-days", "3"])
        #expect(table.code == 0 && table.stdout.contains("client-relations") && table.stdout.contains("check-in 3 days"))
        #expect(try cli.run(["simulate", "--policy", "sometimes"]).code == 2)
        try files.write("bad.json", "{\"accounts\": 10}")
        let bad = try cli.run(["simulate", "--parameters", "bad.json"])
        #expect(bad.code == 1 && bad.stderr.contains("bad.json: missing key"))
    }

    @Test func seedsReportTheMeanAndTheSpreadOfEachPolicy() throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        let cli = CLIRunner(workingDirectory: files.folder)
        func json(_ arguments: [String]) throws -> Any {
            let result = try cli.run(["simulate", "--accounts", "300", "--months", "13", "--format", "json"] + arguments)
            #expect(result.code == 0, "\(result.stderr)")
            return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        }
        let spread = try #require(try json(["--policy", "both", "--seed", "3", "--seeds", "3"]) as? [[String: Any]])
        #expect(spread.map { $0["policy"] as? String } == ["traditional", "client-relations"])
        let keys: Set<String> = ["policy", "accounts", "months", "seeds", "dso", "dsoMin", "dsoMax", "dsoSd", "dsoCountback", "bestPossibleDso",
                                 "averageDaysDelinquent", "cei", "percentCurrent", "casesOpened", "issuesFoundBeforeCollectionStart",
                                 "accountsRetained"]
        #expect(spread.allSatisfy { Set($0.keys) == keys && $0["seeds"] as? Int == 3 })
        // The traditional spread is made of seeds 3, 4 and 5, each as a run of its own reports it.
        var dsos: [Double] = []
        for seed in ["3", "4", "5"] {
            let one = try #require(try json(["--policy", "traditional", "--seed", seed]) as? [String: Any])
            dsos.append(try #require(one["dso"] as? Double))
        }
        let mean = dsos.reduce(0, +) / 3
        let sd = (dsos.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 2).squareRoot()
        #expect(abs((spread[0]["dso"] as? Double ?? 0) - mean) < 1e-9)
        #expect(spread[0]["dsoMin"] as? Double == dsos.min() && spread[0]["dsoMax"] as? Double == dsos.max())
        #expect(abs((spread[0]["dsoSd"] as? Double ?? 0) - sd) < 1e-9)
        let table = try cli.run(["simulate", "--accounts", "300", "--months", "13", "--seeds", "2"])
        #expect(table.code == 0 && table.stdout.contains("seeds 1–2 (2)") && table.stdout.contains("DSO sd"))
        #expect(table.stderr.contains("simulate: 4/4 runs done"))
        #expect(try cli.run(["simulate", "--seeds", "0"]).code == 2)
    }

    @Test func demoWritesACompanyThatEveryReportAndTheQueueRunOn() throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        let cli = CLIRunner(workingDirectory: files.folder)
        let demo = try cli.run(["demo", "--no-serve", "--accounts", "150", "--start", "2023-01-01", "--db", "demo.sqlite"])
        #expect(demo.code == 0, "\(demo.stderr)")
        #expect(demo.stderr.contains("demo: simulated to 2023-04-01") && demo.stderr.contains("demo: wrote invoices"))
        #expect(demo.stdout.contains("DSO under the traditional policy (2023-07-01 – 2024-06-30)"))
        let db = ["--db", "demo.sqlite"]
        let metrics = try cli.run(["report", "metrics", "--from", "2025-01-01", "--to", "2025-12-31", "--format", "json"] + db)
        #expect(metrics.code == 0 && metrics.stdout.contains("\"dso\""))
        let queue = try cli.run(["queue", "--specialist", "ana", "--date", "2025-12-31", "--format", "json"] + db)
        #expect(queue.code == 0 && queue.stdout.contains("\"tasks\""))
        for report in ["root-causes", "productivity", "retention"] {
            #expect(try cli.run(["report", report, "--from", "2025-01-01", "--to", "2025-12-31"] + db).code == 0)
        }
        // Run again: the file is replaced, not added to.
        #expect(try cli.run(["demo", "--no-serve", "--accounts", "150", "--start", "2023-01-01", "--db", "demo.sqlite"]).code == 0)
    }
}
