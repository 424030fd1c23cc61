import Foundation
import Logging
import RapportApp
import RapportImport
import RapportStore

extension RapportDatabase {
    /// The application environment on this database, with a clock fixed at 2024-06-30 12:00 UTC.
    public func app(timeZone: TimeZone = TimeZone(identifier: "UTC")!) -> AppEnvironment {
        AppEnvironment(
            repositories: StoreRepositories(self), clock: CompanyClock(timeZone: timeZone, now: { Date(timeIntervalSince1970: 1_719_748_800) }),
            logger: Logger(label: "rapport.test"))
    }

    /// An importer on this database: the import use case with the arguments tests use.
    public func importer(log: @escaping @Sendable (String) -> Void = { _ in }) -> TestImporter {
        TestImporter(imports: app().imports, log: log)
    }

    /// The whole export of one kind as text.
    public func exportText(_ kind: ImportKind) async throws -> String {
        try await app().imports.exportText(kind)
    }

    /// Row counts of the ledger tables, to prove that nothing (or exactly something) was written.
    public func rowCounts() async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in ["accounts", "locations", "invoices", "invoice_lines", "payments", "deposits", "open_items", "allocations"] {
            let row = try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()
            counts[table] = try row!.decode(column: "n", as: Int.self)
        }
        return counts
    }
}

/// The import use case, called the way storage tests call it.
public struct TestImporter: Sendable {
    let imports: ImportUseCases
    let log: @Sendable (String) -> Void

    /// Imports `path` as `kind` (see `ImportUseCases.importFile`).
    public func importFile(
        _ kind: ImportKind, path: String, skipInvalid: Bool = false, afterBatch: BatchProgress? = nil
    ) async throws -> ImportSummary {
        try await imports.importFile(kind, path: path, skipInvalid: skipInvalid, log: log, afterBatch: afterBatch)
    }
}

extension RapportDatabase {
    /// Writes the fixture file of each kind (as "<kind>.csv") and imports them in order.
    public func importFixtures(_ kinds: [ImportKind], files: Fixtures) async throws {
        let importer = importer()
        for kind in kinds {
            _ = try await importer.importFile(kind, path: try files.write("\(kind).csv", Fixtures.byKind[kind.rawValue]!))
        }
    }
}
