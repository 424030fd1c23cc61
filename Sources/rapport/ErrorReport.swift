import ArgumentParser
import RapportCore
import RapportApp
import RapportImport

/// Maps every error to the message and exit code the user sees — the CLI's one error edge.
enum ErrorReport {
    static func describe(_ error: any Error) -> (message: String, code: Int32) {
        switch error {
        case let error as ImportError:
            if case .refused(_, let errors) = error {
                let shown = errors.prefix(1000).map(\.description)
                let more = errors.count > 1000 ? ["… and \(errors.count - 1000) more"] : []
                return ((shown + more + [error.description]).joined(separator: "\n"), 1)
            }
            return (error.description, 1)
        case let error as BankReadError: return (error.description, 1)
        case let error as UserError: return ("rapport: \(error)", 1)
        case let error as AppError: return ("rapport: \(error)", 1)
        case let error as InvalidField: return ("rapport: --\(error.field) \(error.reason)", 1)
        case let error as ConfigError: return ("rapport: \(error)", 2)
        case let error as LedgerError: return ("rapport: \(error)", 1)
        case let error as CaseError: return ("rapport: \(error)", 1)
        case let error as MoneyError: return ("rapport: \(error)", 1)
        case let error as ExitCode: return ("", error.rawValue)
        default: return ("rapport: \(String(describing: error))", 1)
        }
    }
}
