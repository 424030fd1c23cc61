import RapportServer
import RapportStore
import RapportTestSupport
import Testing
import VaporTesting

@Suite("HTTP server")
struct HealthTests {
    @Test(arguments: TestDatabase.available)
    func healthSaysTheServerAndDatabaseAreUp(engine: TestDatabase) async throws {
        try await engine.withDatabase { db in
            let app = try await RapportServer.makeApplication(
                app: db.app(), configuration: ServerConfiguration(), environment: .testing)
            do {
                try await app.testing().test(.GET, "health") { response async throws in
                    #expect(response.status == .ok)
                    let body = try response.content.decode([String: String].self)
                    #expect(body == ["status": "ok", "database": "ok"])
                }
                try await app.testing().test(.GET, "nowhere") { response async in
                    #expect(response.status == .notFound)
                }
            } catch {
                try await app.asyncShutdown()
                throw error
            }
            try await app.asyncShutdown()
        }
    }
}
