/// Why a use case refused a request; the edges map each kind to an exit code or an HTTP status.
public enum AppError: Error, Equatable, CustomStringConvertible {
    /// An id that names nothing stored ("unknown account A-9").
    case notFound(String)
    /// A request that breaks a rule or is inconsistent ("--total must be greater than zero").
    case invalid(String)
    /// A request that clashes with what is stored ("case C000001 already exists").
    case conflict(String)

    public var description: String {
        switch self {
        case .notFound(let message), .invalid(let message), .conflict(let message): message
        }
    }
}
