import ArgumentParser

/// `rapport serve`: runs the web server on the configured database.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the web server (GET /health for now).")

    @Option(help: "Interface to listen on (default: $RAPPORT_HOST, then 127.0.0.1).")
    var hostname: String?

    @Option(help: "Port to listen on (default: $RAPPORT_PORT, then 8080).")
    var port: Int?

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let port, !(1...65535).contains(port) { throw ValidationError("--port must be between 1 and 65535") }
    }

    func run() async throws {
        try await Self.serve(try database.config(hostname: hostname, port: port))
    }

    /// Opens the configured database and serves it until interrupted.
    static func serve(_ config: RapportConfig) async throws {
        try await AppComposition.serve(config)
    }
}
