import FluentKit
import RapportCore
import SQLKit

/// `JobRepository` on SQLite or PostgreSQL.
public struct FluentJobRepository: JobRepository {
    let database: any Database

    public init(_ database: RapportDatabase) { self.database = database.database }

    public func fetchJobs(_ ids: some Collection<Job.ID> & Sendable) async throws -> [Job] {
        let sql = database as! any SQLDatabase
        return try await sql.fetchChunked(ids.map(\.rawValue)) { chunk in
            sql.select().column("*").from("jobs").where("id", .in, chunk)
        } decode: { row in try JobRecord(row: row).toDomain() }
    }

    public func insertJobs(_ jobs: [Job], progress: BatchProgress?) async throws {
        try await insert(jobs.map(JobRecord.init), into: "jobs", progress: progress)
    }

    public func forEachJobPage(size: Int, _ body: ([Job]) async throws -> Void) async throws {
        try await (database as! any SQLDatabase).forEachPage(
            of: "jobs", size: size, decode: { try JobRecord(row: $0).toDomain() }, body)
    }

    public func fetchFollowUps(_ ids: some Collection<FollowUpItem.ID> & Sendable) async throws -> [FollowUpItem] {
        let sql = database as! any SQLDatabase
        return try await sql.fetchChunked(ids.map(\.rawValue)) { chunk in
            sql.select().column("*").from("follow_up_items").where("id", .in, chunk)
        } decode: { row in try FollowUpRecord(row: row).toDomain() }
    }

    public func fetchOpenFollowUps(department: Department?) async throws -> [FollowUpItem] {
        let sql = database as! any SQLDatabase
        var query = sql.select().column("*").from("follow_up_items").where("completed_on", .is, SQLLiteral.null)
        if let department { query = query.where("department", .equal, department.rawValue) }
        return try await query.orderBy("due_on").orderBy("id").rows().map { try FollowUpRecord(row: $0).toDomain() }
    }

    public func saveFollowUps(new items: [FollowUpItem], completed: [FollowUpItem], progress: BatchProgress?) async throws {
        try await database.transaction { tx in
            let sql = tx as! any SQLDatabase
            var written = 0
            for start in stride(from: 0, to: items.count, by: 2000) {
                let slice = items[start..<min(start + 2000, items.count)]
                try await sql.insertBatched(slice.map(FollowUpRecord.init), into: "follow_up_items")
                written += slice.count
                try await progress?(written)
            }
            for item in completed {
                try await sql.update("follow_up_items").set("completed_on", to: item.completedOn?.isoString)
                    .where("id", .equal, item.id.rawValue).run()
            }
            try await ChangeVersion.bump(sql)
        }
    }

    public func forEachFollowUpPage(size: Int, _ body: ([FollowUpItem]) async throws -> Void) async throws {
        try await (database as! any SQLDatabase).forEachPage(
            of: "follow_up_items", size: size, decode: { try FollowUpRecord(row: $0).toDomain() }, body)
    }

    private func insert<Record: BulkRow>(_ records: [Record], into table: String, progress: BatchProgress?) async throws {
        try await database.transaction { tx in
            let sql = tx as! any SQLDatabase
            var written = 0
            for start in stride(from: 0, to: records.count, by: 2000) {
                let slice = records[start..<min(start + 2000, records.count)]
                try await sql.insertBatched(slice, into: table)
                written += slice.count
                try await progress?(written)
            }
            try await ChangeVersion.bump(sql)
        }
    }
}
