import ArgumentParser
import Foundation
import RapportApp
import RapportImport

/// `rapport export KIND`: writes stored data in the import format.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export accounts, locations, invoices, payments, credit_memos, jobs, followups, contacts or deposits as CSV (the import format).")

    @Argument(help: "What to export: accounts, locations, invoices, payments, credit_memos, jobs, followups, contacts or deposits.")
    var kind: ImportKind

    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "FILE"))
    var out: String?

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let handle: FileHandle
        if let out {
            guard FileManager.default.createFile(atPath: out, contents: nil) else {
                throw ConfigError("\(out): cannot create the file")
            }
            handle = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        } else {
            handle = FileHandle.standardOutput
        }
        let rows = try await database.withApp { app in
            try await app.imports.export(kind) { chunk in try handle.write(contentsOf: Data(chunk.utf8)) }
        }
        if let out {
            try handle.close()
            printError("\(out): \(rows) rows written")
        }
    }
}
