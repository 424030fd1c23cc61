/// One audited change: who did what to which record, when (UTC), and the values before and after.
/// Audit events are only ever appended.
public struct AuditEvent: Hashable, Sendable {
    /// The user who made the change ("cli" for the command line without a user).
    public var actor: String
    /// When, in UTC.
    public var at: Instant
    /// What was done: "case.open", "case.resolve", "user.add", "import.payments" …
    public var action: String
    /// The kind of record changed: "case", "user", "invoice", "import" …
    public var entity: String
    /// The changed record's id.
    public var entityID: String
    /// The changed fields before the change, as `field=value` lines (empty for a creation).
    public var before: String
    /// The changed fields after the change, as `field=value` lines (empty for a deletion).
    public var after: String

    public init(actor: String, at: Instant, action: String, entity: String, entityID: String, before: String = "", after: String = "") {
        self.actor = actor
        self.at = at
        self.action = action
        self.entity = entity
        self.entityID = entityID
        self.before = before
        self.after = after
    }

    /// `field=value` lines of the pairs, newlines and backslashes in a value escaped so one line is one field.
    public static func fields(_ pairs: KeyValuePairs<String, String?>) -> String {
        fields(pairs.map { ($0.key, $0.value) })
    }

    /// `field=value` lines of the pairs, in order, escaped as above.
    public static func fields(_ pairs: [(String, String?)]) -> String {
        pairs.compactMap { key, value in
            value.map { "\(key)=\($0.replacing("\\", with: "\\\\").replacing("\n", with: "\\n").replacing("\r", with: "\\r"))" }
        }.joined(separator: "\n")
    }
}
