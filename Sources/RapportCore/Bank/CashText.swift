/// How payers write invoice numbers, customer numbers and names, reduced to keys the matcher
/// compares: "INV-1042", "Inv 1042" and "inv.1042" are all "INV1042"; "1042/1043" names 1042 and 1043.
enum CashText {
    /// Upper-case letters and digits only: "INV-1042" → "INV1042".
    static func compact(_ text: some StringProtocol) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.lazy.filter(isAlphanumeric).map(upper)))
    }

    /// The digits only: "INV-1042" → "1042".
    static func digits(_ text: some StringProtocol) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.lazy.filter { $0.value >= 48 && $0.value <= 57 }))
    }

    /// What in `text` may name an invoice: each letters-then-digits token ("INV1042", joined across one
    /// space, dash, dot, colon or "#") in compact form, and every run of at least four digits.
    static func mentions(_ text: String) -> (compact: [String], digits: [String]) {
        // Alphanumeric tokens, each with the separator text before it.
        var tokens: [(text: [Unicode.Scalar], before: [Unicode.Scalar])] = []
        var token: [Unicode.Scalar] = []
        var between: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            if isAlphanumeric(scalar) {
                token.append(upper(scalar))
            } else {
                if !token.isEmpty { tokens.append((token, between)); token = []; between = [] }
                between.append(scalar)
            }
        }
        if !token.isEmpty { tokens.append((token, between)) }
        var compact: [String] = []
        var digitRuns: [String] = []
        for (index, (text, before)) in tokens.enumerated() {
            let letters = text.prefix { !isDigit($0) }
            let rest = text.dropFirst(letters.count)
            if !letters.isEmpty, !rest.isEmpty, rest.allSatisfy(isDigit) {
                compact.append(string(text))
                digitRuns.append(string(rest))
            } else if letters.isEmpty {
                let previous = index > 0 ? tokens[index - 1].text : []
                if !previous.isEmpty, previous.count <= 5, previous.allSatisfy({ !isDigit($0) }),
                   before.count <= 1, before.allSatisfy({ " -.:#".unicodeScalars.contains($0) }) {
                    compact.append(string(previous + text))
                }
                if text.count >= 4 { digitRuns.append(string(text)) }
            }
        }
        return (compact, digitRuns)
    }

    private static func string(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// The words of `text` that are ISO 11649 references with a valid check ("RF68INV100123").
    static func rfReferences(in text: String) -> [String] {
        text.uppercased().split { !$0.isLetter && !$0.isNumber }.map(String.init).filter {
            $0.hasPrefix("RF") && $0.count >= 5 && CreditorReference.iso11649Valid($0)
        }
    }

    /// A name as payers write it, for comparing: letters and digits, legal forms dropped ("Acme Inc." → "ACME").
    static func nameKey(_ name: String) -> String {
        let words = name.uppercased().split { !$0.isLetter && !$0.isNumber }
        let kept = words.filter { !legalForms.contains(String($0)) }
        return (kept.isEmpty ? words : kept).joined(separator: " ")
    }

    private static let legalForms: Set<String> = ["INC", "LLC", "LTD", "LIMITED", "CORP", "CORPORATION", "CO", "GMBH", "AG", "SA", "SARL", "BV", "NV", "PLC", "LLP", "THE"]

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value >= 48 && scalar.value <= 57) || (scalar.value >= 65 && scalar.value <= 90) || (scalar.value >= 97 && scalar.value <= 122)
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 48 && scalar.value <= 57 }

    private static func upper(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        scalar.value >= 97 && scalar.value <= 122 ? Unicode.Scalar(scalar.value - 32)! : scalar
    }
}
