import FluentKit
import RapportCore
import SQLKit

/// `LocationRepository` on SQLite or PostgreSQL.
public struct FluentLocationRepository: LocationRepository {
    let database: any Database

    public init(_ database: RapportDatabase) { self.database = database.database }

    public func fetchLocations(_ ids: some Collection<Location.ID> & Sendable) async throws -> [Location] {
        let sql = database as! any SQLDatabase
        return try await sql.fetchChunked(ids.map(\.rawValue)) { chunk in
            sql.select().column("*").from("locations").where("id", .in, chunk)
        } decode: { row in try SQLRowDecoding.location(row) }
    }

    public func insertLocations(_ locations: [Location], progress: BatchProgress?) async throws {
        try await database.transaction { tx in
            let sql = tx as! any SQLDatabase
            var written = 0
            for start in stride(from: 0, to: locations.count, by: 2000) {
                let slice = locations[start..<min(start + 2000, locations.count)]
                try await sql.insertBatched(slice.map(LocationRecord.init), into: "locations")
                written += slice.count
                try await progress?(written)
            }
            try await ChangeVersion.bump(sql)
        }
    }

    public func forEachLocationPage(size: Int, _ body: ([Location]) async throws -> Void) async throws {
        try await (database as! any SQLDatabase).forEachPage(of: "locations", size: size, decode: SQLRowDecoding.location, body)
    }
}
