import Foundation
import RapportStore
import SQLKit

/// The engines a storage test runs on: SQLite always, PostgreSQL too when `DATABASE_URL` is set.
public enum TestDatabase: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite, postgres

    /// SQLite, plus PostgreSQL when `DATABASE_URL` names a server.
    public static var available: [TestDatabase] {
        postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    public static var postgresURL: String? {
        guard let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty else { return nil }
        return url
    }

    public var description: String { rawValue }

    /// A fresh location: a new SQLite file, or a new PostgreSQL schema.
    public func makeLocation() -> DatabaseLocation {
        let token = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        switch self {
        case .sqlite:
            return .sqlite(path: FileManager.default.temporaryDirectory.appendingPathComponent("rapport-test-\(token).sqlite").path)
        case .postgres:
            return .postgres(url: Self.postgresURL!, schema: "t_\(token)")
        }
    }

    /// Runs `body` on an empty, migrated database and removes it afterwards.
    /// PostgreSQL databases are opened at most `PostgresGate.limit` at a time: Swift Testing runs
    /// async tests without a bound, and each open database holds connections of the server's
    /// limited number (`max_connections`, 100 by default).
    public func withDatabase(_ body: (RapportDatabase) async throws -> Void) async throws {
        guard self == .postgres else { return try await open(body) }
        await PostgresGate.shared.enter()
        do {
            try await open(body)
        } catch {
            await PostgresGate.shared.leave()
            throw error
        }
        await PostgresGate.shared.leave()
    }

    private func open(_ body: (RapportDatabase) async throws -> Void) async throws {
        let location = makeLocation()
        let database = try await RapportDatabase.open(location)
        do {
            try await body(database)
        } catch {
            await Self.remove(database, location)
            throw error
        }
        await Self.remove(database, location)
    }

    /// Deletes what `makeLocation` created.
    public static func remove(_ database: RapportDatabase?, _ location: DatabaseLocation) async {
        switch location {
        case .sqlite(let path):
            await database?.close()
            removeSQLiteFiles(path)
        case .postgres(_, let schema):
            if let database, let schema {
                try? await database.sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
            }
            await database?.close()
        }
    }

    /// Removes an SQLite file and its WAL side files.
    public static func removeSQLiteFiles(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}

extension TestDatabase {
    /// Creates an empty PostgreSQL database next to `DATABASE_URL`'s, passes its URL, then drops it
    /// (for tests that run the CLI in another process, which takes a whole database).
    public static func withScratchPostgresDatabase(_ body: (String) async throws -> Void) async throws {
        guard let base = postgresURL, let slash = base.lastIndex(of: "/") else { return }
        let name = "rapport_cli_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12)
        let admin = try await RapportDatabase.open(.postgres(url: base), migrate: false)
        try await admin.sql.raw("CREATE DATABASE \(ident: name)").run()
        let url = String(base[...slash]) + name
        do {
            try await body(url)
        } catch {
            try? await admin.sql.raw("DROP DATABASE \(ident: name) WITH (FORCE)").run()
            await admin.close()
            throw error
        }
        try await admin.sql.raw("DROP DATABASE \(ident: name) WITH (FORCE)").run()
        await admin.close()
    }
}

/// Lets at most `limit` PostgreSQL test databases be open at once; the others wait their turn.
actor PostgresGate {
    static let shared = PostgresGate()
    /// Each open database may hold a few connections; 16 stay well under the server's 100.
    static let limit = 16

    private var open = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func enter() async {
        if open < Self.limit {
            open += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty {
            open -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
