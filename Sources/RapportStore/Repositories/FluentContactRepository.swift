import FluentKit
import RapportCore
import SQLKit

/// `ContactRepository` on SQLite or PostgreSQL.
public struct FluentContactRepository: ContactRepository {
    let database: any Database

    public init(_ database: RapportDatabase) { self.database = database.database }

    init(database: any Database) { self.database = database }

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    public func fetchContacts(_ ids: some Collection<Contact.ID> & Sendable) async throws -> [Contact] {
        let sql = sql
        return try await sql.fetchChunked(ids.map(\.rawValue)) { chunk in
            sql.select().column("*").from("contacts").where("id", .in, chunk)
        } decode: { try ContactRecord(row: $0).toDomain() }
    }

    public func fetchContacts(accounts: [Account.ID]) async throws -> [Contact] {
        let sql = sql
        return try await sql.fetchChunked(accounts.map(\.rawValue)) { chunk in
            sql.select().column("*").from("contacts").where("account_id", .in, chunk)
        } decode: { try ContactRecord(row: $0).toDomain() }.sorted { $0.id < $1.id }
    }

    public func insertContacts(_ contacts: [Contact], progress: BatchProgress?) async throws {
        try await database.transaction { tx in
            let sql = tx as! any SQLDatabase
            var written = 0
            for start in stride(from: 0, to: contacts.count, by: 2000) {
                let slice = contacts[start..<min(start + 2000, contacts.count)]
                try await sql.insertBatched(slice.map(ContactRecord.init), into: "contacts")
                written += slice.count
                try await progress?(written)
            }
            try await ChangeVersion.bump(sql)
        }
    }

    public func forEachContactPage(size: Int, _ body: ([Contact]) async throws -> Void) async throws {
        try await sql.forEachPage(of: "contacts", size: size, decode: { try ContactRecord(row: $0).toDomain() }, body)
    }
}
