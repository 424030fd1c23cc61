import RapportStore
import Testing
@testable import rapport

@Suite("Configuration order: flags, environment, defaults")
struct RapportConfigTests {
    @Test func defaultsWithNothingSet() throws {
        let config = try RapportConfig.resolve(db: nil, environment: [:])
        #expect(config.database == .sqlite(path: "./rapport.sqlite"))
        #expect(config.server.hostname == "127.0.0.1" && config.server.port == 8080)
        #expect(config.logLevel == .warning)
    }

    @Test func environmentBeatsDefaultsAndFlagsBeatEnvironment() throws {
        let environment = [
            "DATABASE_URL": "postgres://u@127.0.0.1:5432/x", "RAPPORT_DB": "other.sqlite",
            "RAPPORT_HOST": "0.0.0.0", "RAPPORT_PORT": "9000", "RAPPORT_LOG_LEVEL": "DEBUG",
        ]
        let fromEnvironment = try RapportConfig.resolve(db: nil, environment: environment)
        #expect(fromEnvironment.database == .postgres(url: "postgres://u@127.0.0.1:5432/x"))
        #expect(fromEnvironment.server.hostname == "0.0.0.0" && fromEnvironment.server.port == 9000)
        #expect(fromEnvironment.logLevel == .debug)
        let fromFlags = try RapportConfig.resolve(db: "mine.sqlite", hostname: "::1", port: 7000, environment: environment)
        #expect(fromFlags.database == .sqlite(path: "mine.sqlite"))
        #expect(fromFlags.server.hostname == "::1" && fromFlags.server.port == 7000)
        let rapportDB = try RapportConfig.resolve(db: nil, environment: ["RAPPORT_DB": "other.sqlite"])
        #expect(rapportDB.database == .sqlite(path: "other.sqlite"))
    }

    @Test func badSettingsAreRejectedWithTheirName() {
        #expect(throws: ConfigError.self) { try RapportConfig.resolve(db: nil, environment: ["RAPPORT_PORT": "http"]) }
        #expect(throws: ConfigError.self) { try RapportConfig.resolve(db: nil, environment: ["RAPPORT_LOG_LEVEL": "loud"]) }
    }

    @Test func databaseURLsAreRecognisedAndRedacted() {
        #expect(DatabaseLocation("postgresql://a:secret@h/db") == .postgres(url: "postgresql://a:secret@h/db"))
        #expect(DatabaseLocation("data/rapport.sqlite") == .sqlite(path: "data/rapport.sqlite"))
        #expect(!DatabaseLocation("postgres://a:secret@h/db").description.contains("secret"))
    }
}
