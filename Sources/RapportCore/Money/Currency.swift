/// An ISO 4217 currency code and the number of minor-unit digits it is written with.
public struct Currency: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The three upper-case letters, e.g. "USD".
    public let code: String
    /// Digits after the decimal point: 2 for USD, 0 for JPY, 3 for KWD.
    public let minorUnitDigits: Int

    /// Validates a three-letter code (case-insensitive) and looks up its minor-unit digits.
    public init(_ code: String) throws(MoneyError) {
        // Byte-level check and case fold: this runs once per imported row.
        let bytes = Array(code.utf8)
        guard bytes.count == 3, bytes.allSatisfy({ ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) }) else {
            throw .invalidCurrency(code)
        }
        let upper = bytes.allSatisfy({ $0 <= 90 }) ? code : String(decoding: bytes.map { $0 & 0xDF }, as: UTF8.self)
        self.code = upper
        self.minorUnitDigits = Currency.zeroDigitCodes.contains(upper) ? 0
            : Currency.threeDigitCodes.contains(upper) ? 3 : 2
    }

    public var description: String { code }

    public static func < (lhs: Currency, rhs: Currency) -> Bool { lhs.code < rhs.code }

    /// US dollars, the case study's currency.
    public static let usd = try! Currency("USD")

    // ISO 4217 currencies whose minor unit is not two digits.
    private static let zeroDigitCodes: Set<String> = [
        "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF",
        "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF",
    ]
    private static let threeDigitCodes: Set<String> = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"]
}
