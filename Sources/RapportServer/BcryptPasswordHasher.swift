import NIOPosix
import RapportApp
import Vapor

/// bcrypt (Vapor's, cost 12) on NIO's thread pool, so a hash never blocks an event loop.
public struct BcryptPasswordHasher: RapportApp.PasswordHasher {
    let cost: Int

    /// cost 12 by default; tests may pass the minimum, 4.
    public init(cost: Int = 12) { self.cost = cost }

    public func hash(_ password: String) async throws -> String {
        let cost = cost
        return try await NIOThreadPool.singleton.runIfActive { try Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, against hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { try Bcrypt.verify(password, created: hash) }
    }
}
