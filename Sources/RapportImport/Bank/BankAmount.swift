import RapportCore

/// The ways bank files write amounts, to exact minor units.
enum BankAmount {
    /// Why an amount could not be read.
    struct Invalid: Error, CustomStringConvertible {
        var description: String
    }

    /// An unsigned decimal with a point ("12.50", "3255", "0"): more decimals than the currency has
    /// are refused unless they are zeros.
    static func decimal(_ text: String, currency: Currency, separator: UInt8 = UInt8(ascii: ".")) throws(Invalid) -> Int64 {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { throw Invalid(description: "empty") }
        var integer: Int64 = 0
        var fraction: [UInt8] = []
        var seenPoint = false
        for byte in bytes {
            if byte == separator {
                guard !seenPoint else { throw Invalid(description: "two decimal separators") }
                seenPoint = true
            } else if byte >= 48 && byte <= 57 {
                if seenPoint {
                    fraction.append(byte - 48)
                } else {
                    let (times, o1) = integer.multipliedReportingOverflow(by: 10)
                    let (sum, o2) = times.addingReportingOverflow(Int64(byte - 48))
                    guard !o1, !o2 else { throw Invalid(description: "too large") }
                    integer = sum
                }
            } else {
                throw Invalid(description: "unexpected character")
            }
        }
        let digits = currency.minorUnitDigits
        while fraction.count > digits, fraction.last == 0 { fraction.removeLast() }
        guard fraction.count <= digits else { throw Invalid(description: "more than \(digits) decimals") }
        var value = integer
        for position in 0..<digits {
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(Int64(position < fraction.count ? fraction[position] : 0))
            guard !o1, !o2 else { throw Invalid(description: "too large") }
            value = sum
        }
        return value
    }

    /// Digits with the decimals implied by the currency (BAI2: "12550" is 125.50 USD), an optional sign in front.
    static func implied(_ text: String) throws(Invalid) -> Int64 {
        var body = Substring(text)
        var negative = false
        if body.hasPrefix("-") { negative = true; body = body.dropFirst() } else if body.hasPrefix("+") { body = body.dropFirst() }
        guard !body.isEmpty, body.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { throw Invalid(description: "not digits") }
        guard let value = Int64(body) else { throw Invalid(description: "too large") }
        return negative ? -value : value
    }
}
