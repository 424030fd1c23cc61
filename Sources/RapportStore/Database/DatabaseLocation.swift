/// Where the data lives: an SQLite file (the default) or a PostgreSQL database.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    /// An SQLite file, created on first use.
    case sqlite(path: String)
    /// A PostgreSQL URL (`postgres://user:pass@host:port/db`); `schema` puts every table in that
    /// schema (created if missing), which is how tests get an empty database each.
    case postgres(url: String, schema: String? = nil)

    /// `postgres://` and `postgresql://` URLs are PostgreSQL; anything else is an SQLite path.
    public init(_ text: String) {
        let lower = text.lowercased()
        if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") {
            self = .postgres(url: text)
        } else {
            self = .sqlite(path: text)
        }
    }

    /// The location without credentials, fit for logs and messages.
    public var description: String {
        switch self {
        case .sqlite(let path): return "SQLite file \(path)"
        case .postgres(let url, let schema):
            var redacted = url
            if let at = url.firstIndex(of: "@"), let scheme = url.range(of: "://") {
                redacted = String(url[..<scheme.upperBound]) + "…" + String(url[at...])
            }
            return "PostgreSQL \(redacted)" + (schema.map { " (schema \($0))" } ?? "")
        }
    }
}
