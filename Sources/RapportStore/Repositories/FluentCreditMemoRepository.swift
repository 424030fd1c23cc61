import FluentKit
import RapportCore
import SQLKit

/// `CreditMemoRepository` on SQLite or PostgreSQL; posting is `CreditPoster`'s.
public struct FluentCreditMemoRepository: CreditMemoRepository {
    let database: any Database

    public init(_ database: RapportDatabase) { self.database = database.database }

    init(database: any Database) { self.database = database }

    public func fetchCreditMemos(_ ids: some Collection<CreditMemo.ID> & Sendable) async throws -> [CreditMemo] {
        let sql = database as! any SQLDatabase
        return try await sql.fetchChunked(ids.map(\.rawValue)) { chunk in
            sql.select().column("*").from("credit_memos").where("id", .in, chunk)
        } decode: { row in try CreditMemoRecord(row: row).toDomain() }
    }

    public func postCreditMemos(_ memos: [CreditMemo], progress: BatchProgress?) async throws -> PostingSummary {
        let postings = memos.map { memo in
            (CreditPosting(source: .creditMemo(memo.id), accountID: memo.accountID, day: memo.issuedOn,
                           amount: memo.amount, target: memo.invoiceID), CreditMemoRecord(memo))
        }
        return try await database.transaction { tx in
            try await CreditPoster.post(postings, into: "credit_memos", sql: tx as! any SQLDatabase, progress: progress)
        }
    }

    public func forEachCreditMemoPage(size: Int, _ body: ([CreditMemo]) async throws -> Void) async throws {
        try await (database as! any SQLDatabase).forEachPage(
            of: "credit_memos", size: size, decode: { try CreditMemoRecord(row: $0).toDomain() }, body)
    }
}
