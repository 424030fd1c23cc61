/// A row of `open_items`: the open amount of one invoice or the unapplied amount of one credit.
struct OpenItemRecord: Codable, Sendable {
    var kind: String
    var refId: String
    var accountId: String
    var currency: String
    var day: String
    var dueOn: String?
    var originalMinor: Int64
    var openMinor: Int64
}
