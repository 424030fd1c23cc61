/// A small XML element tree, enough for ISO 20022 messages: local names (prefixes dropped),
/// attributes, trimmed text and the line each element starts on, for error messages.
struct XMLNode: Sendable {
    var name: String
    var attributes: [String: String]
    var children: [XMLNode]
    /// The element's own text, entities decoded, leading and trailing white space removed.
    var text: String
    var line: Int

    /// The first child named `name`.
    func child(_ name: String) -> XMLNode? { children.first { $0.name == name } }

    /// Every child named `name`, in order.
    func children(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }

    /// The element at the end of `path` ("Acct/Id/IBAN"), following the first child at each step.
    func at(_ path: String) -> XMLNode? {
        var node = self
        for step in path.split(separator: "/") {
            guard let next = node.child(String(step)) else { return nil }
            node = next
        }
        return node
    }

    /// The non-empty text at the end of `path`, or nil.
    func text(_ path: String) -> String? {
        guard let text = at(path)?.text, !text.isEmpty else { return nil }
        return text
    }

    /// The first non-empty text among `paths`.
    func text(anyOf paths: String...) -> String? {
        for path in paths { if let text = text(path) { return text } }
        return nil
    }
}
