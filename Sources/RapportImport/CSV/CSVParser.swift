/// Reads RFC 4180 CSV from bytes: quoted fields with embedded commas, quotes ("") and newlines,
/// an optional UTF-8 byte-order mark, CRLF or LF line ends. Blank lines are skipped.
///
/// A stray quote inside an unquoted field is kept as text, as spreadsheets write `12" pipe`.
public struct CSVParser: Sendable {
    private let bytes: [UInt8]
    private var index: Int
    private var line = 1

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        self.index = hasBOM ? 3 : 0
    }

    /// Parses a whole text; convenient for tests and small inputs.
    public static func records(in text: String) throws(CSVSyntaxError) -> [CSVRecord] {
        var parser = CSVParser(bytes: Array(text.utf8))
        var records: [CSVRecord] = []
        while let record = try parser.next() { records.append(record) }
        return records
    }

    /// The next record, or nil at the end of the input.
    public mutating func next() throws(CSVSyntaxError) -> CSVRecord? {
        while index < bytes.count, bytes[index] == .lf || bytes[index] == .cr { consumeLineEnd() }
        guard index < bytes.count else { return nil }
        let startLine = line
        var fields: [String] = []
        while true {
            fields.append(try field())
            guard index < bytes.count else { break }
            if bytes[index] == .comma {
                index += 1
                continue
            }
            consumeLineEnd()
            break
        }
        return CSVRecord(line: startLine, fields: fields)
    }

    private mutating func field() throws(CSVSyntaxError) -> String {
        if index < bytes.count, bytes[index] == .quote { return try quotedField() }
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == .comma || byte == .lf || byte == .cr { break }
            index += 1
        }
        return try text(bytes[start..<index])
    }

    private mutating func quotedField() throws(CSVSyntaxError) -> String {
        let startLine = line
        index += 1
        var buffer: [UInt8] = []
        var segmentStart = index
        while true {
            guard index < bytes.count else {
                throw CSVSyntaxError(line: startLine, reason: "quoted field is never closed")
            }
            let byte = bytes[index]
            if byte == .quote {
                buffer.append(contentsOf: bytes[segmentStart..<index])
                if index + 1 < bytes.count, bytes[index + 1] == .quote {
                    buffer.append(.quote)
                    index += 2
                    segmentStart = index
                    continue
                }
                index += 1
                break
            }
            if byte == .lf || (byte == .cr && (index + 1 >= bytes.count || bytes[index + 1] != .lf)) { line += 1 }
            index += 1
        }
        if index < bytes.count, ![.comma, .lf, .cr].contains(bytes[index]) {
            throw CSVSyntaxError(line: line, reason: "unexpected character after a closing quote")
        }
        return try text(buffer[...])
    }

    private mutating func consumeLineEnd() {
        if bytes[index] == .cr, index + 1 < bytes.count, bytes[index + 1] == .lf { index += 1 }
        index += 1
        line += 1
    }

    private func text(_ slice: ArraySlice<UInt8>) throws(CSVSyntaxError) -> String {
        guard let string = String(validating: slice, as: UTF8.self) else {
            throw CSVSyntaxError(line: line, reason: "not valid UTF-8")
        }
        return string
    }
}

extension UInt8 {
    static let comma = UInt8(ascii: ",")
    static let quote = UInt8(ascii: "\"")
    static let lf = UInt8(ascii: "\n")
    static let cr = UInt8(ascii: "\r")
}
