/// A file that is not valid RFC 4180 CSV (or not UTF-8), at a line.
public struct CSVSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var reason: String

    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }

    public var description: String { "line \(line): \(reason)" }
}
