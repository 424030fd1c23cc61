/// The errors of a submitted form: one per field, shown in the summary at the top (linking to the
/// field) and beside the field itself.
struct FormErrors: Error, Encodable, Sendable {
    struct Item: Encodable, Sendable {
        /// The form field's name (`invoice_id`).
        var field: String
        /// The element id the summary links to.
        var anchor: String
        var message: String
    }

    var items: [Item] = []
    /// Field name → message, for the message beside each field.
    var byField: [String: String] = [:]

    var isEmpty: Bool { items.isEmpty }

    /// Adds an error for `field` of the form whose ids start with `prefix`.
    mutating func add(_ field: String, _ message: String, prefix: String) {
        guard byField[field] == nil else { return }
        items.append(Item(field: field, anchor: "\(prefix)-\(field)", message: message))
        byField[field] = message
    }
}
