import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Logging
import NIOCore
import NIOPosix
import SQLKit

/// An open connection to Rapport's database, migrated on open; hand it to the repositories.
public final class RapportDatabase: Sendable {
    /// The location it was opened from.
    public let location: DatabaseLocation
    /// The Fluent database, for repositories.
    public let database: any Database
    private let databases: Databases
    private let migrator: Migrator
    private let logger: Logger
    /// SQLite only: the pool of connections for read-only snapshots.
    private let readerID: DatabaseID?

    /// Where read-only snapshots (pages, reports, queues) run. On SQLite these are connections of
    /// their own — WAL lets them read while the one writing connection writes — so a long report
    /// neither waits for nor holds up a write, and page reads run side by side. On PostgreSQL, the
    /// same pool as every query.
    public var reader: any Database {
        guard let readerID else { return database }
        return databases.database(readerID, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())!
    }

    /// The same database as SQLKit sees it, for set-based queries.
    public var sql: any SQLDatabase { database as! any SQLDatabase }

    /// Opens (creating an SQLite file if needed) and, unless `migrate` is false, brings the schema up to date.
    public static func open(
        _ location: DatabaseLocation, logger: Logger = Logger(label: "rapport.store"), migrate: Bool = true
    ) async throws -> RapportDatabase {
        let database = try await RapportDatabase(location: location, logger: logger)
        do {
            try await database.prepare(location)
            if migrate { try await database.migrate() }
        } catch {
            await database.close()
            throw error
        }
        return database
    }

    private init(location: DatabaseLocation, logger: Logger) async throws {
        let eventLoopGroup = MultiThreadedEventLoopGroup.singleton
        let databases = Databases(threadPool: .singleton, on: eventLoopGroup)
        switch location {
        case .sqlite(let path):
            databases.use(.sqlite(.file(path), maxConnectionsPerEventLoop: 1, sqlLogLevel: .trace), as: .sqlite)
            databases.use(.sqlite(.file(path), maxConnectionsPerEventLoop: 2, sqlLogLevel: .trace), as: Self.sqliteReaders, isDefault: false)
            readerID = Self.sqliteReaders
        case .postgres(let url, let schema):
            var configuration = try SQLPostgresConfiguration(url: url)
            if let schema { configuration.searchPath = [schema] }
            databases.use(.postgres(configuration: configuration, maxConnectionsPerEventLoop: 2, sqlLogLevel: .trace), as: .psql)
            readerID = nil
        }
        self.logger = logger
        let eventLoop = eventLoopGroup.any()
        self.location = location
        self.databases = databases
        self.database = databases.database(logger: logger, on: eventLoop)!
        let migrations = Migrations()
        migrations.add(RapportMigrations.all)
        self.migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: eventLoop, migrationLogLevel: .debug)
    }

    private func prepare(_ location: DatabaseLocation) async throws {
        switch location {
        case .sqlite:
            // WAL keeps readers working during an import; a transaction stays all-or-nothing even
            // if the process is killed, since SQLite recovers from the journal on the next open.
            try await sql.raw("PRAGMA journal_mode=WAL").run()
            try await sql.raw("PRAGMA synchronous=NORMAL").run()
            try await sql.raw("PRAGMA busy_timeout=10000").run()
            // A 64 MiB page cache keeps index pages of a large import in memory instead of re-reading them.
            try await sql.raw("PRAGMA cache_size=-65536").run()
        case .postgres(_, let schema):
            if let schema {
                try await sql.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
            }
        }
    }

    /// Applies the migrations not yet applied.
    public func migrate() async throws {
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
    }

    /// The names of the migrations not yet applied.
    public func pendingMigrations() async throws -> [String] {
        try await migrator.setupIfNeeded().get()
        return try await migrator.previewPrepareBatch().get().map { $0.0.name }
    }

    private static let sqliteReaders = DatabaseID(string: "sqlite-readers")

    /// Closes every connection; call once when done.
    public func close() async {
        await databases.shutdownAsync()
    }
}

extension RapportDatabase {
    /// Runs a trivial query: throws when the database does not answer.
    public func ping() async throws {
        _ = try await sql.rows("SELECT 1 AS one")
    }
}
