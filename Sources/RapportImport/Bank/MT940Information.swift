/// An MT940 `:86:` field read for cash application: the German structured form
/// ("166?00GUTSCHRIFT?20EREF+…?21SVWZ+RE 1042?32ACME GMBH") split into booking text, purpose
/// (with its SEPA keywords), payer name and account; any other form kept as remittance lines.
struct MT940Information {
    var narrative: [String] = []
    var remittance: [String] = []
    var endToEndID: String?
    var name: String?
    var account: String?

    init(_ text: String) {
        let flat = text.replacing("\n", with: "")
        let bytes = Array(flat.utf8)
        let structured = bytes.count > 4 && bytes[0..<3].allSatisfy({ $0 >= 48 && $0 <= 57 }) && bytes[3] == UInt8(ascii: "?")
        guard structured else {
            let lines = text.split(separator: "\n").map { String($0).trimmingCharacters() }.filter { !$0.isEmpty }
            narrative = lines
            remittance = lines
            return
        }
        var purpose = ""
        var names: [String] = []
        for part in flat.dropFirst(3).split(separator: "?") where part.count >= 2 {
            let code = part.prefix(2)
            let value = String(part.dropFirst(2))
            switch code {
            case "00": narrative.append(value)
            case "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "60", "61", "62", "63": purpose += value
            case "31": account = value.isEmpty ? nil : value
            case "32", "33": names.append(value)
            default: continue
            }
        }
        if !names.isEmpty { name = names.joined() }
        let keywords = ["EREF+", "KREF+", "MREF+", "CRED+", "DEBT+", "SVWZ+", "ABWA+", "ABWE+", "IBAN+", "BIC+"]
        let pieces = Self.split(purpose, at: keywords)
        guard !pieces.isEmpty else {
            if !purpose.isEmpty { remittance = [purpose] }
            return
        }
        for (keyword, value) in pieces {
            switch keyword {
            case "EREF+": endToEndID = value == "NOTPROVIDED" || value.isEmpty ? nil : value
            case "SVWZ+", "": if !value.isEmpty { remittance.append(value) }
            case "ABWA+": if name == nil, !value.isEmpty { name = value }
            default: continue
            }
        }
    }

    /// "EREF+1?SVWZ+RE 1" → [("EREF+", "1"), ("SVWZ+", "RE 1")]; text before the first keyword has the keyword "".
    private static func split(_ text: String, at keywords: [String]) -> [(String, String)] {
        var found: [(String.Index, String)] = []
        for keyword in keywords {
            var search = text.startIndex
            while let range = text[search...].firstRange(of: keyword) {
                found.append((range.lowerBound, keyword))
                search = range.upperBound
            }
        }
        guard !found.isEmpty else { return [] }
        found.sort { $0.0 < $1.0 }
        var pieces: [(String, String)] = []
        if found[0].0 > text.startIndex { pieces.append(("", String(text[..<found[0].0]).trimmingCharacters())) }
        for (offset, (start, keyword)) in found.enumerated() {
            let valueStart = text.index(start, offsetBy: keyword.count)
            let end = offset + 1 < found.count ? found[offset + 1].0 : text.endIndex
            pieces.append((keyword, valueStart <= end ? String(text[valueStart..<end]).trimmingCharacters() : ""))
        }
        return pieces
    }
}
