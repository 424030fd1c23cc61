import FluentKit
import Foundation
import RapportCore
import SQLKit

/// `RiskModelRepository` on SQLite or PostgreSQL.
public struct FluentRiskModelRepository: RiskModelRepository {
    let database: any Database

    public init(_ database: RapportDatabase) { self.database = database.database }

    init(database: any Database) { self.database = database }

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    public func fetchTrainingInvoices(asOf: Day) async throws -> [RiskTraining.InvoiceFacts] {
        try await sql.rows("""
            SELECT i.id, i.account_id, i.issue_date, i.due_date, i.collection_start, i.total_minor, i.currency, i.job_id, o.paid_on, o.settled_by
            FROM invoices i JOIN open_items o ON o.kind = 'invoice' AND o.ref_id = i.id
            WHERE i.issue_date <= \(bind: asOf.isoString)
            """).map(SQLRowDecoding.invoiceFacts)
    }

    public func fetchJobs() async throws -> [Job] {
        var jobs = try await sql.select().column("*").from("jobs").rows().map { try JobRecord(row: $0).toDomain() }
        let items = try await sql.select().column("*").from("follow_up_items").rows().map { try FollowUpRecord(row: $0).toDomain() }
        let byJob = Dictionary(grouping: items, by: \.jobID)
        for index in jobs.indices { jobs[index].followUps = byJob[jobs[index].id] ?? [] }
        return jobs
    }

    public func saveModel(_ result: RiskTraining.Result) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(result), as: UTF8.self)
        try await sql.insert(into: "risk_models").columns("as_of", "model_json")
            .values(SQLBind(result.asOf.isoString), SQLBind(json)).run()
        try await ChangeVersion.bump(sql)
    }

    public func fetchLatestModel() async throws -> RiskTraining.Result? {
        guard let row = try await sql.select().column("model_json").from("risk_models").orderBy("id", .descending).limit(1).rows().first else {
            return nil
        }
        let json = try row.text("model_json")
        return try JSONDecoder().decode(RiskTraining.Result.self, from: Data(json.utf8))
    }
}
