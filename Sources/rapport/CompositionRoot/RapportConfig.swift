import Foundation
import Logging
import RapportServer
import RapportStore

/// Rapport's configuration, read in one order: command-line flags, then the environment, then defaults.
///
/// | setting | flag | environment | default |
/// | --- | --- | --- | --- |
/// | database | `--db PATH or URL` | `DATABASE_URL` (PostgreSQL), then `RAPPORT_DB` | `./rapport.sqlite` |
/// | HTTP host | `--hostname` | `RAPPORT_HOST` | `127.0.0.1` |
/// | HTTP port | `--port` | `RAPPORT_PORT` | `8080` |
/// | log level | — | `RAPPORT_LOG_LEVEL` (trace…critical) | `warning` |
/// | company time zone ("today") | — | `RAPPORT_TIME_ZONE` (IANA name) | the machine's zone |
struct RapportConfig: Sendable, Equatable {
    var database: DatabaseLocation
    var server: ServerConfiguration
    var logLevel: Logger.Level
    /// The IANA name of the company's time zone; nil for the machine's.
    var timeZone: String? = nil

    static let defaultDatabasePath = "./rapport.sqlite"

    static func resolve(
        db: String?, hostname: String? = nil, port: Int? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> RapportConfig {
        let database: DatabaseLocation
        if let db, !db.isEmpty {
            database = DatabaseLocation(db)
        } else if let url = environment["DATABASE_URL"], !url.isEmpty {
            database = DatabaseLocation(url)
        } else if let path = environment["RAPPORT_DB"], !path.isEmpty {
            database = DatabaseLocation(path)
        } else {
            database = .sqlite(path: defaultDatabasePath)
        }
        let resolvedPort: Int
        if let port {
            resolvedPort = port
        } else if let text = environment["RAPPORT_PORT"] {
            guard let value = Int(text), (1...65535).contains(value) else {
                throw ConfigError("RAPPORT_PORT must be a port number (1–65535), got \"\(text)\"")
            }
            resolvedPort = value
        } else {
            resolvedPort = 8080
        }
        var level = Logger.Level.warning
        if let text = environment["RAPPORT_LOG_LEVEL"] {
            guard let parsed = Logger.Level(rawValue: text.lowercased()) else {
                throw ConfigError("RAPPORT_LOG_LEVEL must be one of trace, debug, info, notice, warning, error, critical")
            }
            level = parsed
        }
        let zone = environment["RAPPORT_TIME_ZONE"].flatMap { $0.isEmpty ? nil : $0 }
        if let zone, TimeZone(identifier: zone) == nil {
            throw ConfigError("RAPPORT_TIME_ZONE must be an IANA time zone name such as America/Chicago, got \"\(zone)\"")
        }
        return RapportConfig(
            database: database,
            server: ServerConfiguration(hostname: hostname ?? environment["RAPPORT_HOST"] ?? "127.0.0.1", port: resolvedPort),
            logLevel: level, timeZone: zone)
    }
}

/// A setting with a value Rapport cannot use.
struct ConfigError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
