import ArgumentParser

/// The `--db` option every command takes.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp(
        "SQLite file path or postgres:// URL (default: $DATABASE_URL, then $RAPPORT_DB, then ./rapport.sqlite).",
        valueName: "PATH"))
    var db: String?

    func config(hostname: String? = nil, port: Int? = nil) throws -> RapportConfig {
        try RapportConfig.resolve(db: db, hostname: hostname, port: port)
    }
}
