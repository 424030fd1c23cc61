/// Why a use case refused a request; the edges map each kind to an exit code or an HTTP status.
public enum AppError: Error, Equatable, CustomStringConvertible {
    /// An id that names nothing stored ("unknown account A-9").
    case notFound(String)
    /// A request that is inconsistent with what is stored ("invoice I-1 belongs to account A-2");
    /// a field that breaks a rule is Core's `InvalidField`.
    case invalid(String)
    /// A request that clashes with what is stored ("case C000001 already exists").
    case conflict(String)

    public var description: String {
        switch self {
        case .notFound(let message), .invalid(let message), .conflict(let message): message
        }
    }
}
