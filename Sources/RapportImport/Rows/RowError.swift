/// One bad row of an import file, reported as `FILE:LINE: field: reason`.
public struct RowError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var field: String
    public var reason: String

    public init(file: String, line: Int, field: String, reason: String) {
        self.file = file
        self.line = line
        self.field = field
        self.reason = reason
    }

    public var description: String { "\(file):\(line): \(field): \(reason)" }
}
