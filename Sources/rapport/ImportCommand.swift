import ArgumentParser
import Foundation
import RapportApp
import RapportImport

extension ImportKind: ExpressibleByArgument {}

/// `rapport import KIND FILE` (a CSV file) or `rapport import bank FILE` (a bank statement).
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a CSV file (accounts, locations, invoices, payments, credit_memos, jobs, followups, contacts, deposits) or a bank file.",
        usage: """
            rapport import <kind> <file> [--skip-invalid] [--db <db>]
            rapport import bank <file> [--apply] [--db <db>]
            """,
        discussion: "CSV columns: docs/import.md. Bank files and cash application: docs/cash-application.md.",
        subcommands: [ImportCSVCommand.self, ImportBankCommand.self], defaultSubcommand: ImportCSVCommand.self)
}

/// `rapport import KIND FILE`: loads a CSV file, all or nothing unless `--skip-invalid`.
struct ImportCSVCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csv",
        abstract: "Import accounts, locations, invoices, payments, credit_memos, jobs, followups, contacts or deposits from a CSV file.",
        discussion: """
            Every row is checked before anything is written. By default one bad row refuses the whole \
            file; --skip-invalid writes the good rows and lists every skipped one. Re-importing the \
            same file writes nothing new. Columns are documented in docs/import.md.
            """)

    @Argument(help: "What the file holds: accounts, locations, invoices, payments, credit_memos, jobs, followups, contacts or deposits.")
    var kind: ImportKind

    @Argument(help: "The CSV file.")
    var file: String

    @Flag(help: "Write the valid rows and report the invalid ones instead of refusing the file.")
    var skipInvalid = false

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let summary = try await database.withApp { app in
            try await app.imports.importFile(
                kind, path: file, skipInvalid: skipInvalid, log: { printError($0) }, afterBatch: ImportHold.fromEnvironment())
        }
        for error in summary.rejected { printError("skipped \(error)") }
        print(summary.line)
    }
}

/// A fault-injection hook for the crash test: with `RAPPORT_IMPORT_HOLD_AFTER_BATCH=1`, the import
/// stops after its first written batch (inside the open transaction), says so on standard error
/// and waits for standard input to close. Not for production use.
enum ImportHold {
    static func fromEnvironment() -> ImportUseCases.AfterBatch? {
        guard ProcessInfo.processInfo.environment["RAPPORT_IMPORT_HOLD_AFTER_BATCH"] == "1" else { return nil }
        let held = HeldFlag()
        return { _ in
            guard held.takeFirst() else { return }
            printError("rapport: holding the import transaction open (RAPPORT_IMPORT_HOLD_AFTER_BATCH)")
            while readLine() != nil {}
        }
    }

    private final class HeldFlag: @unchecked Sendable {
        private let lock = NSLock()
        private var done = false

        func takeFirst() -> Bool {
            lock.lock()
            defer { lock.unlock() }
            if done { return false }
            done = true
            return true
        }
    }
}
