import ArgumentParser
import RapportApp

/// `rapport import bank FILE [--apply]`: stores a bank statement and matches what customers paid.
struct ImportBankCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bank", abstract: "Store a bank file (camt.053/054, BAI2, OFX, MT940) and match its incoming payments to invoices.",
        discussion: """
            The same file, or an entry already stored under the same account, bank reference, amount and \
            booking day, writes nothing new. Every booked incoming detail not yet applied gets a proposal \
            with its evidence; --apply applies the ones the matcher is sure of (see docs/cash-application.md) \
            and leaves the rest for `rapport cash exceptions`. Pending entries are never applied.
            """)

    @Argument(help: "The bank file.") var file: String
    @Flag(help: "Apply the proposals the matcher is sure of (payments, write-offs, dispute cases).") var apply = false
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let result = try await database.withApp { app in try await app.cash.importFile(path: file, apply: apply) }
        for warning in result.warnings { printError("warning: \(warning)") }
        print(result.line)
    }
}
