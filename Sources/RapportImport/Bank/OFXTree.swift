/// OFX markup as a tree, for 1.x SGML (leaf elements have no end tag: their value ends at the
/// next tag) and 2.x XML alike: an end tag closes every element opened since its start tag.
enum OFXTree {
    /// An element: its upper-case name, its value (leaves) or children (aggregates), and its line.
    final class Node {
        let name: String
        var value: String?
        var children: [Node] = []
        let line: Int

        init(name: String, line: Int) {
            self.name = name
            self.line = line
        }

        /// The first child named `name`.
        func child(_ name: String) -> Node? { children.first { $0.name == name } }

        /// The non-empty value at the end of `path` ("LEDGERBAL/BALAMT").
        func value(_ path: String) -> String? {
            var node = self
            for step in path.split(separator: "/") {
                guard let next = node.child(String(step)) else { return nil }
                node = next
            }
            guard let value = node.value, !value.isEmpty else { return nil }
            return value
        }

        /// Every element below this one named one of `names`, in document order (not looking inside a match).
        func all(named names: Set<String>) -> [Node] {
            children.flatMap { names.contains($0.name) ? [$0] : $0.all(named: names) }
        }
    }

    static func parse(_ text: Substring, firstLine: Int) throws(BankSyntaxError) -> Node {
        let root = Node(name: "", line: firstLine)
        var stack = [root]
        var line = firstLine
        var index = text.startIndex
        while index < text.endIndex {
            guard text[index] == "<" else {
                let end = text[index...].firstIndex(of: "<") ?? text.endIndex
                let raw = text[index..<end]
                let value = decodeEntities(String(raw).trimmingCharacters())
                if !value.isEmpty, let top = stack.last, top !== root, top.children.isEmpty { top.value = (top.value ?? "") + value }
                line += raw.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
                index = end
                continue
            }
            guard let close = text[index...].firstIndex(of: ">") else { throw BankSyntaxError(line: line, reason: "a tag that is never closed") }
            let tag = text[text.index(after: index)..<close]
            index = text.index(after: close)
            if tag.hasPrefix("?") || tag.hasPrefix("!") { continue }
            if tag.hasPrefix("/") {
                let name = String(tag.dropFirst()).trimmingCharacters().uppercased()
                guard let position = stack.lastIndex(where: { $0.name == name }), position > 0 else {
                    throw BankSyntaxError(line: line, reason: "</\(name)> closes nothing that is open")
                }
                stack.removeSubrange(position...)
                continue
            }
            let name = String(tag.prefix { $0 != " " && $0 != "/" }).uppercased()
            // A leaf that already has a value cannot hold children: the new tag is its sibling.
            if let top = stack.last, top !== root, top.value != nil { stack.removeLast() }
            let node = Node(name: name, line: line)
            stack.last!.children.append(node)
            if !tag.hasSuffix("/") { stack.append(node) }
        }
        guard let ofx = root.children.first(where: { $0.name == "OFX" }) else { throw BankSyntaxError(line: firstLine, reason: "no <OFX> element") }
        return ofx
    }

    private static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacing("&lt;", with: "<").replacing("&gt;", with: ">").replacing("&quot;", with: "\"")
            .replacing("&apos;", with: "'").replacing("&nbsp;", with: " ").replacing("&amp;", with: "&")
    }
}
