import Foundation
import Logging
import RapportCore
import RapportStore

/// Everything a use case needs from the outside world, built once in a composition root (the CLI's,
/// the server's, a test's) and passed down: the repositories, the company's clock, the id source
/// and a logger. No globals.
public struct AppEnvironment: Sendable {
    /// Every repository of the database.
    public var repositories: StoreRepositories
    /// "Today" in the company's time zone.
    public var clock: CompanyClock
    /// New ids for records Rapport creates.
    public var ids: IDSource
    /// Where use cases log.
    public var logger: Logger
    /// How passwords are hashed and checked (bcrypt at the edges).
    public var passwords: any PasswordHasher = MissingPasswordHasher()
    /// Who the audit log names for the changes made through this environment: the signed-in
    /// user on the web, `cli` on the command line.
    public var actor: String = "cli"
    /// What a server keeps between requests while the data stands still; nil computes every time.
    public var derived: DerivedResults?
    /// Where a server writes the single records of concurrent API requests together; nil writes each alone.
    public var importBatcher: ImportBatcher?

    public init(repositories: StoreRepositories, clock: CompanyClock, ids: IDSource, logger: Logger) {
        self.repositories = repositories
        self.clock = clock
        self.ids = ids
        self.logger = logger
    }

    /// An environment on the repositories of one database, with ids from its counters.
    public init(repositories: StoreRepositories, clock: CompanyClock, logger: Logger) {
        self.init(repositories: repositories, clock: clock, ids: IDSource(sequences: repositories.sequences), logger: logger)
    }

    /// The same environment acting for `actor` (a username) in the audit log.
    public func acting(as actor: String) -> AppEnvironment {
        var copy = self
        copy.actor = actor
        return copy
    }

    /// The current instant, in whole UTC seconds.
    var now: Instant { Instant(secondsSinceEpoch: Int64(clock.instant().timeIntervalSince1970.rounded(.down))) }

    /// `day`, or today in the company's time zone.
    func day(_ day: Day?) -> Day { day ?? clock.today() }

    /// Today in the company's time zone (the default day of a page or report).
    public var today: Day { clock.today() }
}
