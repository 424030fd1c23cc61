/// A structured reference the payer quoted (camt `CdtrRefInf`): its type as the file names it
/// ("SCOR", "QRR", "ISR Reference"; nil when the file gives none) and whether its check digit holds.
public struct CreditorReference: Hashable, Sendable {
    public var type: String?
    public var value: String
    /// true or false for a reference with a check digit (QRR/ISR mod 10, ISO 11649 RF mod 97); nil otherwise.
    public var valid: Bool?

    /// A reference whose validity is worked out from its value.
    public init(type: String?, value: String) {
        self.type = type
        self.value = value
        self.valid = CreditorReference.checkDigitValid(value)
    }

    /// Whether `value`'s check digit holds: ISO 11649 ("RF" + two check digits + up to 21
    /// characters, mod 97 = 1) when it starts with RF, the Swiss QRR/ISR recursive mod 10 when it
    /// is 27 digits (spaces ignored); nil when it has neither form, so nothing can be checked.
    public static func checkDigitValid(_ value: String) -> Bool? {
        let compact = value.filter { $0 != " " }.uppercased()
        if compact.hasPrefix("RF") { return iso11649Valid(compact) }
        if compact.utf8.count == 27, compact.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) { return mod10RecursiveValid(compact) }
        return nil
    }

    /// ISO 11649: move "RFkk" to the end, letters to numbers (A = 10 … Z = 35), the whole mod 97 must be 1.
    static func iso11649Valid(_ reference: String) -> Bool {
        let bytes = Array(reference.utf8)
        guard (5...25).contains(bytes.count), bytes[2...3].allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
        var remainder = 0
        for byte in bytes[4...] + bytes[..<4] {
            switch byte {
            case 48...57: remainder = (remainder * 10 + Int(byte - 48)) % 97
            case 65...90: remainder = (remainder * 100 + Int(byte - 55)) % 97
            default: return false
            }
        }
        return remainder == 1
    }

    /// The Swiss payment slips' recursive mod 10 over all digits but the last, which is the check digit.
    static func mod10RecursiveValid(_ digits: String) -> Bool {
        let table = [0, 9, 4, 6, 8, 2, 7, 1, 3, 5]
        let values = digits.utf8.map { Int($0 - 48) }
        var carry = 0
        for digit in values.dropLast() { carry = table[(carry + digit) % 10] }
        return (10 - carry) % 10 == values.last
    }
}
