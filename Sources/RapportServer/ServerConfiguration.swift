/// Where the HTTP server listens.
public struct ServerConfiguration: Sendable, Equatable {
    public var hostname: String
    public var port: Int

    public init(hostname: String = "127.0.0.1", port: Int = 8080) {
        self.hostname = hostname
        self.port = port
    }
}
