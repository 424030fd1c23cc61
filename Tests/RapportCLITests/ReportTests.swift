import Foundation
import RapportTestSupport
import Testing

@Suite("rapport report")
struct ReportTests {
    func companyRunner() throws -> (CLIRunner, Fixtures) {
        let files = try Fixtures()
        let cli = try files.importedRunner(["accounts", "locations", "invoices", "payments"], db: ["--db", "r.sqlite"])
        return (cli, files)
    }

    func json(_ text: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
    }

    @Test func metricsJSONFollowsTheContract() throws {
        let (cli, files) = try companyRunner()
        defer { files.removeAll() }
        let result = try cli.run(["report", "metrics", "--from", "2024-01-01", "--to", "2024-03-31", "--format", "json", "--db", "r.sqlite"])
        #expect(result.code == 0, "\(result.stderr)")
        let body = try json(result.stdout)
        for field in ["periodDays", "creditSales", "beginningAR", "endingAR", "endingCurrentAR", "dso", "dsoCountback",
                      "dsoCountbackIsLowerBound", "bestPossibleDso", "averageDaysDelinquent", "cei", "percentCurrent",
                      "averageDaysToPay", "weightedAverageDaysToPay", "averageDaysBeyondTerms", "aging"] {
            #expect(body[field] != nil, "missing \(field)")
        }
        #expect(body["periodDays"] as? Int == 91)
        #expect(body["creditSales"] as? String == "1680.49")
        #expect(body["endingAR"] as? String == "-69.50")
        #expect(body["aging"] as? [String: String] == ["current": "0.00", "1-30": "-220.00", "31-60": "0.00", "61-90": "150.50", "91+": "0.00"])
        #expect(abs((body["dso"] as! Double) - (-6_950.0 / 168_049 * 91)) < 1e-12)
        #expect(body["averageDaysToPay"] as? Double == 17.5)
        #expect(body["dsoCountbackIsLowerBound"] as? Bool == false)
    }

    @Test func undefinedMetricsAreNullAndGroupsAreKeyed() throws {
        let (cli, files) = try companyRunner()
        defer { files.removeAll() }
        // April: nothing billed, nothing paid → no sales (dso null) and no paid invoices (timing null).
        let result = try cli.run(["report", "metrics", "--from", "2024-04-01", "--to", "2024-04-30", "--by", "segment",
                                  "--format", "json", "--db", "r.sqlite"])
        #expect(result.code == 0, "\(result.stderr)")
        let groups = try json(result.stdout)["groups"] as! [String: [String: Any]]
        #expect(Set(groups.keys) == ["commercial", "residential"])
        let commercial = groups["commercial"]!
        #expect(commercial["dso"] is NSNull && commercial["bestPossibleDso"] is NSNull)
        #expect(commercial["averageDaysToPay"] is NSNull)
        #expect(commercial["creditSales"] as? String == "0.00")
    }

    @Test func agingAndTrendReports() throws {
        let (cli, files) = try companyRunner()
        defer { files.removeAll() }
        let aging = try cli.run(["report", "aging", "--as-of", "2024-03-31", "--by", "account", "--format", "csv", "--db", "r.sqlite"])
        #expect(aging.code == 0, "\(aging.stderr)")
        #expect(aging.stdout == """
            group,current,1-30,31-60,61-90,91+,total
            A1,0.00,-300.00,0.00,150.50,0.00,-149.50
            A2,0.00,80.00,0.00,0.00,0.00,80.00
            R1,0.00,0.00,0.00,0.00,0.00,0.00

            """)
        let collection = try cli.run(["report", "aging", "--as-of", "2024-03-31", "--basis", "collection", "--format", "json", "--db", "r.sqlite"])
        let body = try json(collection.stdout)
        #expect((body["aging"] as? [String: String])?["current"] == "80.00")
        #expect(body["total"] as? String == "-69.50")
        let trend = try cli.run(["report", "trend", "--metric", "dso", "--from", "2024-01-01", "--to", "2024-03-31", "--format", "json", "--db", "r.sqlite"])
        let months = try json(trend.stdout)["months"] as! [[String: Any]]
        #expect(months.map { $0["month"] as! String } == ["2024-01", "2024-02", "2024-03"])
        // January: AR 1,250.50 on sales 1,250.50 over 31 days = 31.
        #expect(months[0]["value"] as? Double == 31)
        let custom = try cli.run(["report", "aging", "--as-of", "2024-03-31", "--buckets", "15,45", "--format", "json", "--db", "r.sqlite"])
        #expect((try json(custom.stdout)["aging"] as? [String: String]) == ["current": "0.00", "1-15": "0.00", "16-45": "-220.00", "46+": "150.50"])
        let badBuckets = try cli.run(["report", "aging", "--as-of", "2024-03-31", "--buckets", "30,10", "--db", "r.sqlite"])
        #expect(badBuckets.code == 2 && badBuckets.stderr.contains("ascending"))
        let table = try cli.run(["report", "metrics", "--from", "2024-01-01", "--to", "2024-03-31", "--db", "r.sqlite"])
        #expect(table.stdout.contains("creditSales               1,680.49"))
    }

    @Test func reportUsageErrors() throws {
        let files = try Fixtures()
        defer { files.removeAll() }
        let cli = CLIRunner(workingDirectory: files.folder)
        for arguments in [["report", "metrics", "--from", "2024-02-01", "--to", "2024-01-01"],
                          ["report", "metrics", "--from", "2024-01-01", "--to", "2024-01-31", "--by", "account"],
                          ["report", "trend", "--metric", "speed", "--from", "2024-01-01", "--to", "2024-01-31"],
                          ["report", "aging", "--as-of", "2024-02-30"]] {
            let result = try cli.run(arguments + ["--db", "r.sqlite"])
            #expect(result.code == 2, "\(arguments): \(result.stderr)")
        }
    }
}
