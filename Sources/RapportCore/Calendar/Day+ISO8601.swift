extension Day {
    /// Parses exactly "YYYY-MM-DD" (ISO 8601 calendar date, extended form); anything else throws.
    public init(iso text: some StringProtocol) throws(DayError) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
            throw .malformed(String(text))
        }
        func number(_ range: Range<Int>) throws(DayError) -> Int {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 48 && byte <= 57 else { throw .malformed(String(text)) }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        try self.init(year: number(0..<4), month: number(5..<7), day: number(8..<10))
    }

    /// "2024-02-29".
    public var isoString: String {
        let (year, month, day) = components
        return "\(Day.pad(year, 4))-\(Day.pad(month, 2))-\(Day.pad(day, 2))"
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}

extension Day: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(iso: text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(isoString)
    }
}
