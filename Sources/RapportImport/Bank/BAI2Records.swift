/// Splits a BAI2 file into its logical records: one per record code, wherever the bank put it —
/// several on one physical line ("…PPD/ 16,142,…"), text carried onto lines that start with no
/// code, and `88` continuations kept apart for the reader to join.
struct BAI2Record {
    var code: String
    /// Everything after "NN," with the terminating "/" and trailing spaces removed.
    var body: String
    var line: Int
    /// Text lines that followed without a record code (a text field broken over lines).
    var carried: [String] = []

    /// The comma-separated fields of the body.
    var fields: [String] { body.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }

    static let codes: Set<String> = ["01", "02", "03", "16", "49", "88", "98", "99"]

    static func split(_ text: String) -> [BAI2Record] {
        var records: [BAI2Record] = []
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let physical = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if physical.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let pieces = splitRecords(physical)
            for piece in pieces {
                if let code = codeOf(piece) {
                    records.append(BAI2Record(code: code, body: clean(piece.dropFirst(3)), line: offset + 1))
                } else if !records.isEmpty {
                    records[records.count - 1].carried.append(clean(piece))
                } else {
                    records.append(BAI2Record(code: "", body: clean(piece), line: offset + 1))
                }
            }
        }
        return records
    }

    /// "NN," at the start of `piece` when NN is a record code.
    private static func codeOf(_ piece: Substring) -> String? {
        let trimmed = piece.drop { $0 == " " }
        guard trimmed.count >= 3, trimmed.dropFirst(2).first == "," else { return nil }
        let code = String(trimmed.prefix(2))
        return codes.contains(code) ? code : nil
    }

    /// One physical line cut where a "/" is followed by spaces and another record code.
    private static func splitRecords(_ line: Substring) -> [Substring] {
        var pieces: [Substring] = []
        var start = line.startIndex
        var index = line.startIndex
        while index < line.endIndex {
            let after = line.index(after: index)
            if line[index] == "/", after < line.endIndex, line[after] == " " {
                let next = line[after...].firstIndex { $0 != " " } ?? line.endIndex
                if next < line.endIndex, codeOf(line[next...]) != nil {
                    pieces.append(line[start...index])
                    start = next
                    index = next
                    continue
                }
            }
            index = after
        }
        pieces.append(line[start...])
        return pieces
    }

    private static func clean(_ text: Substring) -> String {
        var body = text
        while body.last == " " || body.last == "\t" { body = body.dropLast() }
        if body.hasSuffix("/") { body = body.dropLast() }
        while body.last == " " { body = body.dropLast() }
        return String(body.drop { $0 == " " })
    }
}
