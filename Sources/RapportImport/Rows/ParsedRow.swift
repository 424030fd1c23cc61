/// A value read from an import file, with the line it came from (the first line, for invoices).
public struct ParsedRow<Value: Sendable>: Sendable {
    public var line: Int
    public var value: Value

    public init(line: Int, value: Value) {
        self.line = line
        self.value = value
    }
}
