/// A request field that breaks a rule: which field and why, so that each edge can say it in its
/// own terms (the CLI as `--field reason`, a form next to its input, the API as a problem's field).
public struct InvalidField: Error, Hashable, Sendable, CustomStringConvertible {
    /// The field's name, as the CLI's option spells it without dashes ("amount", "first").
    public var field: String
    /// What is wrong, as a phrase that follows the field ("must be greater than zero").
    public var reason: String

    public init(_ field: String, _ reason: String) {
        self.field = field
        self.reason = reason
    }

    public var description: String { "\(field) \(reason)" }
}
