/// Why a change to a case was refused.
public enum CaseError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidTransition(from: Case.Status, to: Case.Status)
    case unknownRootCause(String)
    case rootCauseRequired
    case resolutionRequired
    case dateBeforeOpening(Day)

    public var description: String {
        switch self {
        case .invalidTransition(let from, let to): "a case cannot go from \(from.rawValue) to \(to.rawValue)"
        case .unknownRootCause(let code): "unknown root cause \(code)"
        case .rootCauseRequired: "resolving a case needs a root cause"
        case .resolutionRequired: "resolving a case needs a resolution"
        case .dateBeforeOpening(let day): "\(day) is before the case was opened"
        }
    }
}
