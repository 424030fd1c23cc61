import RapportImport
import RapportStore

extension RapportDatabase {
    /// An importer on this database's repositories.
    public func importer(log: @escaping @Sendable (String) -> Void = { _ in }) -> Importer {
        Importer(repositories: LedgerRepositories(self), log: log)
    }

    /// An exporter on this database's repositories.
    public func exporter() -> Exporter {
        Exporter(repositories: LedgerRepositories(self))
    }

    /// The whole export of one kind as text.
    public func exportText(_ kind: ImportKind) async throws -> String {
        var text = ""
        try await exporter().export(kind) { text += $0 }
        return text
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

extension RapportDatabase {
    /// Writes the fixture file of each kind (as "<kind>.csv") and imports them in order.
    public func importFixtures(_ kinds: [ImportKind], files: Fixtures) async throws {
        let importer = importer()
        for kind in kinds {
            _ = try await importer.importFile(kind, path: try files.write("\(kind).csv", Fixtures.byKind[kind.rawValue]!))
        }
    }
}
