import ArgumentParser
import RapportApp
import RapportCore
import RapportImport

/// `rapport bank …`: bank statement files.
struct BankCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bank", abstract: "Read bank statement files (camt.053, camt.054, BAI2, OFX/QFX, MT940).",
        subcommands: [BankReadCommand.self])
}

/// `rapport bank read FILE`: parses a bank file and prints what it holds, touching no database.
struct BankReadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read", abstract: "Print what a bank file holds, without touching the database.",
        discussion: """
            The format is detected from the content. A file that breaks its own rules (balances that do \
            not reconcile, wrong BAI2 trailers, a missing currency, details that do not add up) is read, \
            and each break is listed as a warning; a file that cannot be read at all is refused with \
            FILE:LINE and the reason. Documented in docs/bank-files.md.
            """)

    @Argument(help: "The bank file.") var file: String
    @Option(help: "table or json.") var format: OutputFormat = .table

    func run() async throws {
        let bank = try BankReading.read(path: file)
        switch format {
        case .json: print(try BankFileJSON(bank).encoded())
        case .table: print(BankFileText.render(bank))
        }
    }
}
