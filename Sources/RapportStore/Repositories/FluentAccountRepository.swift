import Foundation
import FluentKit
import RapportCore
import SQLKit

/// `AccountRepository` on SQLite or PostgreSQL.
public struct FluentAccountRepository: AccountRepository {
    let database: any Database

    public init(_ database: RapportDatabase) { self.database = database.database }

    init(database: any Database) { self.database = database }

    public func fetchAccounts(_ ids: some Collection<Account.ID> & Sendable) async throws -> [Account] {
        let sql = database as! any SQLDatabase
        return try await sql.fetchChunked(ids.map(\.rawValue)) { chunk in
            sql.select().column("*").from("accounts").where("id", .in, chunk)
        } decode: { row in try SQLRowDecoding.account(row) }
    }

    public func insertAccounts(_ accounts: [Account], progress: BatchProgress?) async throws {
        let ordered = Self.parentsFirst(accounts)
        try await database.transaction { tx in
            let sql = tx as! any SQLDatabase
            var written = 0
            for start in stride(from: 0, to: ordered.count, by: 2000) {
                let slice = ordered[start..<min(start + 2000, ordered.count)]
                try await sql.insertBatched(slice.map(AccountRecord.init), into: "accounts")
                written += slice.count
                try await progress?(written)
            }
            try await ChangeVersion.bump(sql)
        }
    }

    public func updateAccount(_ account: Account, regroup: Bool) async throws {
        let record = AccountRecord(account)
        try await database.transaction { tx in
            let sql = tx as! any SQLDatabase
            if regroup { try await ReceivableDays.moveAccount(record.id, out: true, sql) }
            try await sql.update("accounts").set("name", to: record.name).set("segment", to: record.segment)
                .set("parent_id", to: record.parentId).set("billing_frequency", to: record.billingFrequency)
                .set("due_days", to: record.dueDays).set("collection_start_days", to: record.collectionStartDays)
                .set("specialist", to: record.specialist).set("flags", to: record.flags).set("opened_on", to: record.openedOn)
                .set("salesperson", to: record.salesperson).set("service_manager", to: record.serviceManager)
                .where("id", .equal, record.id).run()
            if regroup { try await ReceivableDays.moveAccount(record.id, out: false, sql) }
            try await ChangeVersion.bump(sql)
        }
    }

    public func fetchChildren(of parent: Account.ID) async throws -> [Account] {
        let sql = database as! any SQLDatabase
        return try await sql.select().column("*").from("accounts").where("parent_id", .equal, parent.rawValue)
            .orderBy("id").rows().map(SQLRowDecoding.account)
    }

    public func fetchFamily(of root: Account.ID) async throws -> [Account] {
        // One recursive query, nearest generations first (children, then theirs), each by id;
        // UNION (not UNION ALL) stops at an account already reached.
        let rows = try await (database as! any SQLDatabase).rows("""
            WITH RECURSIVE family(id, depth) AS (
              SELECT id, 0 FROM accounts WHERE id = \(bind: root.rawValue)
              UNION SELECT c.id, f.depth + 1 FROM accounts c JOIN family f ON c.parent_id = f.id WHERE f.depth < 64)
            SELECT a.*, f.depth AS family_depth FROM family f JOIN accounts a ON a.id = f.id ORDER BY f.depth, a.id
            """)
        var seen: Set<Account.ID> = []
        return try rows.map(SQLRowDecoding.account).filter { seen.insert($0.id).inserted }
    }

    public func countAccounts() async throws -> Int {
        try await (database as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM accounts").rows().first!.int("n")
    }

    public func fetchAccountPage(after: Account.ID?, limit: Int) async throws -> [Account] {
        try await (database as! any SQLDatabase).select().column("*").from("accounts")
            .where("id", .greaterThan, after?.rawValue ?? "").orderBy("id").limit(limit).rows().map(SQLRowDecoding.account)
    }

    public func forEachAccountPage(size: Int, _ body: ([Account]) async throws -> Void) async throws {
        try await (database as! any SQLDatabase).forEachPage(of: "accounts", size: size, decode: SQLRowDecoding.account, body)
    }

    /// Orders accounts so every parent in the list comes before its children (the foreign key needs it).
    static func parentsFirst(_ accounts: [Account]) -> [Account] {
        let inList = Set(accounts.map(\.id))
        var depth: [Account.ID: Int] = [:]
        let byID = Dictionary(accounts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func depthOf(_ id: Account.ID, _ seen: Int) -> Int {
            if let known = depth[id] { return known }
            guard seen < accounts.count, let parent = byID[id]?.parentID, inList.contains(parent) else { return 0 }
            let value = depthOf(parent, seen + 1) + 1
            depth[id] = value
            return value
        }
        return accounts.enumerated()
            .map { (offset: $0.offset, depth: depthOf($0.element.id, 0), account: $0.element) }
            .sorted { ($0.depth, $0.offset) < ($1.depth, $1.offset) }
            .map(\.account)
    }

    public func searchAccounts(_ text: String, limit: Int) async throws -> [Account] {
        let sql = database as! any SQLDatabase
        let exact = text.trimmingCharacters(in: .whitespaces)
        guard !exact.isEmpty else { return [] }
        let escaped = exact.lowercased().replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        let pattern = "%" + escaped + "%"
        return try await sql.rows("""
            SELECT * FROM accounts WHERE id = \(bind: exact) OR LOWER(name) LIKE \(bind: pattern) ESCAPE '\\'
              OR id IN (SELECT account_id FROM invoices WHERE id = \(bind: exact))
              OR id IN (SELECT account_id FROM contacts WHERE LOWER(name) LIKE \(bind: pattern) ESCAPE '\\'
                        OR LOWER(email) LIKE \(bind: pattern) ESCAPE '\\' OR phone LIKE \(bind: pattern) ESCAPE '\\')
            ORDER BY id LIMIT \(bind: limit)
            """).map(SQLRowDecoding.account)
    }
}
