/// The state of the system itself.
public struct SystemUseCases: Sendable {
    let env: AppEnvironment

    /// Whether the database answers (throws when it does not).
    public func checkDatabase() async throws {
        try await env.repositories.health.ping()
    }
}

extension AppEnvironment {
    /// Health checks.
    public var system: SystemUseCases { SystemUseCases(env: self) }
}
