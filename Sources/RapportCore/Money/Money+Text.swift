extension Money {
    /// Parses an amount as people write it in exports: "1234.5", "1,234.50", "-12.00", "(12.00)", "+3".
    ///
    /// Grouping commas must sit every three digits; more decimals than the currency has is an
    /// error rather than a silent rounding.
    public static func parse(_ text: String, currency: Currency) throws(MoneyError) -> Money {
        var body = Substring(text).trimmingSpaces()
        var negative = false
        if body.hasPrefix("("), body.hasSuffix(")") {
            negative = true
            body = body.dropFirst().dropLast().trimmingSpaces()
        }
        if body.hasPrefix("-") || body.hasPrefix("+") {
            if body.hasPrefix("-") {
                if negative { throw .invalidAmount(text, reason: "two minus signs") }
                negative = true
            }
            body = body.dropFirst()
        }
        guard !body.isEmpty else { throw .invalidAmount(text, reason: "empty") }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { throw .invalidAmount(text, reason: "more than one decimal point") }
        let integerText = try integerDigits(parts[0], original: text)
        let fractionText = parts.count == 2 ? parts[1] : ""
        guard fractionText.allSatisfy(\.isASCIIDigit) else {
            throw .invalidAmount(text, reason: "not a number")
        }
        if integerText.isEmpty && fractionText.isEmpty { throw .invalidAmount(text, reason: "no digits") }
        let digits = currency.minorUnitDigits
        guard fractionText.count <= digits else {
            throw .invalidAmount(text, reason: "more than \(digits) decimal places for \(currency.code)")
        }
        let padded = fractionText + String(repeating: "0", count: digits - fractionText.count)
        guard let magnitude = Int64(integerText.isEmpty ? "0" : integerText) else { throw .overflow }
        let scale = pow10(digits)
        let (scaled, overflow1) = magnitude.multipliedReportingOverflow(by: scale)
        let (total, overflow2) = scaled.addingReportingOverflow(Int64(padded.isEmpty ? "0" : padded)!)
        if overflow1 || overflow2 { throw .overflow }
        return Money(minorUnits: negative ? -total : total, currency: currency)
    }

    /// The amount in major units with a point and no grouping: "1234.50", "-0.05". For JSON and CSV.
    public var decimalString: String {
        let digits = currency.minorUnitDigits
        let magnitude = minorUnits.magnitude
        let scale = UInt64(Money.pow10(digits))
        let sign = minorUnits < 0 ? "-" : ""
        guard digits > 0 else { return sign + String(magnitude) }
        let fraction = String(magnitude % scale)
        return sign + String(magnitude / scale) + "." + String(repeating: "0", count: digits - fraction.count) + fraction
    }

    /// The amount with grouping commas, for tables: "1,234.50", "-12.00".
    public var groupedString: String {
        let plain = decimalString
        let negative = plain.hasPrefix("-")
        let unsigned = negative ? String(plain.dropFirst()) : plain
        let pointIndex = unsigned.firstIndex(of: ".") ?? unsigned.endIndex
        let integer = Array(unsigned[..<pointIndex])
        var grouped = ""
        for (offset, character) in integer.enumerated() {
            if offset > 0 && (integer.count - offset) % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return (negative ? "-" : "") + grouped + unsigned[pointIndex...]
    }

    private static func integerDigits(_ part: Substring, original: String) throws(MoneyError) -> String {
        guard part.contains(",") else {
            guard part.allSatisfy(\.isASCIIDigit) else { throw .invalidAmount(original, reason: "not a number") }
            return String(part)
        }
        let groups = part.split(separator: ",", omittingEmptySubsequences: false)
        for (index, group) in groups.enumerated() {
            let validLength = index == 0 ? (1...3).contains(group.count) : group.count == 3
            guard validLength, group.allSatisfy(\.isASCIIDigit) else {
                throw .invalidAmount(original, reason: "misplaced thousands separator")
            }
        }
        return groups.joined()
    }

    static func pow10(_ exponent: Int) -> Int64 {
        var value: Int64 = 1
        for _ in 0..<exponent { value *= 10 }
        return value
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
