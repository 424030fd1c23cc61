/// Writes RFC 4180 CSV: quotes a field only when it holds a comma, quote, CR or LF; lines end in LF.
public struct CSVWriter: Sendable {
    /// The text written so far.
    public private(set) var text = ""

    public init() {}

    /// Appends one record.
    public mutating func append(_ fields: [String]) {
        text += fields.map(CSVWriter.escape).joined(separator: ",")
        text += "\n"
    }

    /// Removes and returns what has been written, to flush it to a file in chunks.
    public mutating func take() -> String {
        defer { text = "" }
        return text
    }

    /// One field, quoted if it needs to be.
    public static func escape(_ field: String) -> String {
        let special: Set<Unicode.Scalar> = [",", "\"", "\n", "\r"]
        guard field.unicodeScalars.contains(where: special.contains) else { return field }
        var quoted = "\""
        for scalar in field.unicodeScalars {
            if scalar == "\"" { quoted.unicodeScalars.append(scalar) }
            quoted.unicodeScalars.append(scalar)
        }
        return quoted + "\""
    }
}
