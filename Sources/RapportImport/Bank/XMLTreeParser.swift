/// Parses XML bytes into an `XMLNode` tree: elements, attributes, text, CDATA, comments,
/// processing instructions and a DOCTYPE (skipped). Not a validating parser; refuses what is
/// not well formed (unclosed or mismatched tags, bad entities) with the line it is on.
struct XMLTreeParser {
    /// Why the bytes are not XML, and the line.
    struct Failure: Error, Equatable {
        var line: Int
        var reason: String
    }

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1

    init(_ bytes: [UInt8]) {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        self.bytes = Array(bytes[start...])
    }

    /// The document's root element.
    static func parse(_ bytes: [UInt8]) throws(Failure) -> XMLNode {
        var parser = XMLTreeParser(bytes)
        return try parser.document()
    }

    private mutating func document() throws(Failure) -> XMLNode {
        var stack: [XMLNode] = []
        var texts: [[UInt8]] = []
        var root: XMLNode?
        while index < bytes.count {
            if bytes[index] != UInt8(ascii: "<") {
                let text = try readText()
                if stack.isEmpty {
                    guard text.allSatisfy(Self.isSpace) else { throw fail("text outside the root element") }
                } else {
                    texts[texts.count - 1] += text
                }
                continue
            }
            if starts("<?") { try skip(past: "?>"); continue }
            if starts("<!--") { try skip(past: "-->"); continue }
            if starts("<![CDATA[") {
                index += 9
                let start = index
                try skip(past: "]]>")
                guard !stack.isEmpty else { throw fail("CDATA outside the root element") }
                texts[texts.count - 1] += bytes[start..<(index - 3)]
                continue
            }
            if starts("<!") { try skip(past: ">"); continue }
            if starts("</") {
                index += 2
                let name = readName()
                skipSpaces()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else { throw fail("end tag </\(name) is not closed") }
                index += 1
                guard var node = stack.popLast(), let text = texts.popLast() else { throw fail("end tag </\(name)> without a start tag") }
                guard Self.localName(name) == node.name else {
                    throw fail("end tag </\(name)> does not close <\(node.name)> of line \(node.line)")
                }
                node.text = String(decoding: Self.trimmed(text), as: UTF8.self)
                if stack.isEmpty {
                    guard root == nil else { throw fail("a second root element") }
                    root = node
                } else {
                    stack[stack.count - 1].children.append(node)
                }
                continue
            }
            let (node, closed) = try readStartTag()
            if closed {
                if stack.isEmpty { root = node } else { stack[stack.count - 1].children.append(node) }
            } else {
                stack.append(node)
                texts.append([])
            }
        }
        if let open = stack.last { throw Failure(line: open.line, reason: "<\(open.name)> is never closed") }
        guard let root else { throw Failure(line: line, reason: "no root element") }
        return root
    }

    private mutating func readStartTag() throws(Failure) -> (XMLNode, closed: Bool) {
        let tagLine = line
        index += 1
        let name = readName()
        guard !name.isEmpty else { throw fail("a '<' that starts no tag") }
        var attributes: [String: String] = [:]
        while true {
            skipSpaces()
            guard index < bytes.count else { throw fail("<\(name) is not closed") }
            if bytes[index] == UInt8(ascii: ">") { index += 1; return (node(name, attributes, tagLine), false) }
            if starts("/>") { index += 2; return (node(name, attributes, tagLine), true) }
            let attribute = readName()
            guard !attribute.isEmpty else { throw fail("unexpected character in <\(name)>") }
            skipSpaces()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { throw fail("attribute \(attribute) has no value") }
            index += 1
            skipSpaces()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
                throw fail("attribute \(attribute) is not quoted")
            }
            let quote = bytes[index]
            index += 1
            let start = index
            while index < bytes.count, bytes[index] != quote { advance() }
            guard index < bytes.count else { throw fail("attribute \(attribute) is not closed") }
            let value = try Self.decodeEntities(bytes[start..<index], line: line)
            index += 1
            attributes[Self.localName(attribute)] = String(decoding: value, as: UTF8.self)
        }
    }

    private func node(_ name: String, _ attributes: [String: String], _ line: Int) -> XMLNode {
        XMLNode(name: Self.localName(name), attributes: attributes, children: [], text: "", line: line)
    }

    private mutating func readText() throws(Failure) -> [UInt8] {
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "<") { advance() }
        return try Self.decodeEntities(bytes[start..<index], line: line)
    }

    private mutating func readName() -> String {
        let start = index
        while index < bytes.count, !Self.isSpace(bytes[index]),
              ![UInt8(ascii: ">"), UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "<")].contains(bytes[index]) {
            index += 1
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func skip(past terminator: String) throws(Failure) {
        let end = Array(terminator.utf8)
        let startLine = line
        while index < bytes.count {
            if bytes[index] == end[0], bytes[index...].starts(with: end) { index += end.count; return }
            advance()
        }
        throw Failure(line: startLine, reason: "'\(terminator)' expected before the end of the file")
    }

    private mutating func skipSpaces() { while index < bytes.count, Self.isSpace(bytes[index]) { advance() } }

    private mutating func advance() {
        if bytes[index] == 10 { line += 1 }
        index += 1
    }

    private func starts(_ text: String) -> Bool { bytes[index...].starts(with: text.utf8) }

    private func fail(_ reason: String) -> Failure { Failure(line: line, reason: reason) }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 }

    static func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    static func trimmed(_ text: [UInt8]) -> ArraySlice<UInt8> {
        var slice = text[...]
        while let first = slice.first, isSpace(first) { slice.removeFirst() }
        while let last = slice.last, isSpace(last) { slice.removeLast() }
        return slice
    }

    /// Replaces the five named entities and numeric character references.
    static func decodeEntities(_ text: ArraySlice<UInt8>, line: Int) throws(Failure) -> [UInt8] {
        guard text.contains(UInt8(ascii: "&")) else { return Array(text) }
        var out: [UInt8] = []
        var position = text.startIndex
        while position < text.endIndex {
            let byte = text[position]
            guard byte == UInt8(ascii: "&") else { out.append(byte); position += 1; continue }
            guard let semicolon = text[position...].firstIndex(of: UInt8(ascii: ";")), semicolon - position <= 10 else {
                throw Failure(line: line, reason: "'&' that starts no entity")
            }
            let name = String(decoding: text[(position + 1)..<semicolon], as: UTF8.self)
            switch name {
            case "lt": out.append(UInt8(ascii: "<"))
            case "gt": out.append(UInt8(ascii: ">"))
            case "amp": out.append(UInt8(ascii: "&"))
            case "quot": out.append(UInt8(ascii: "\""))
            case "apos": out.append(UInt8(ascii: "'"))
            default:
                let scalar: UInt32? = name.hasPrefix("#x") ? UInt32(name.dropFirst(2), radix: 16)
                    : name.hasPrefix("#") ? UInt32(name.dropFirst()) : nil
                guard let scalar, let character = Unicode.Scalar(scalar) else {
                    throw Failure(line: line, reason: "unknown entity &\(name);")
                }
                out += Array(String(Character(character)).utf8)
            }
            position = semicolon + 1
        }
        return out
    }
}
