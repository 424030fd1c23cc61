import ArgumentParser
import Foundation

/// The `rapport` command: parses arguments, runs a subcommand, and maps errors to exit codes
/// (0 success, 1 bad input or a failed operation, 2 usage error).
@main
struct Rapport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rapport",
        abstract: "Rapport: client-relations receivables.",
        subcommands: [
            MigrateCommand.self, ImportCommand.self, ExportCommand.self, LedgerCommand.self, ReportCommand.self,
            StatementCommand.self, WhoToCallCommand.self, CaseCommand.self, CorrectiveActionCommand.self, ChangeRequestCommand.self,
            PromiseCommand.self, ArrangementCommand.self, BillingChangeCommand.self, CreditReviewCommand.self, QueueCommand.self, LogInteractionCommand.self, PlaybookCommand.self, RiskCommand.self,
            BankCommand.self, CashCommand.self, SimulateCommand.self, DemoCommand.self, BenchCommand.self, UserCommand.self, TokenCommand.self, AuditCommand.self,
            ServeCommand.self,
        ])

    static func main() async {
        let command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            printError(fullMessage(for: error))
            Foundation.exit(2)
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                var syncCommand = command
                try syncCommand.run()
            }
        } catch {
            // Help and usage errors can also surface here (ArgumentParser raises them from run()).
            let parserCode = exitCode(for: error)
            if parserCode == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            if parserCode == .validationFailure {
                printError(fullMessage(for: error))
                Foundation.exit(2)
            }
            let (message, code) = ErrorReport.describe(error)
            if !message.isEmpty { printError(message) }
            Foundation.exit(code)
        }
        Foundation.exit(0)
    }
}
