/// Writing one whole account over what is stored (the API's `PUT /accounts/{id}`), checked: a
/// name, a parent that exists and is not the account itself or one of its descendants. Says
/// whether the write creates, changes nothing or updates, and which fields it changes.
public struct AccountWrite: Hashable, Sendable {
    /// What the write does.
    public enum Outcome: Hashable, Sendable {
        case create
        case unchanged
        /// The fields that differ, named as `accounts.csv`'s columns, in column order.
        case update(changed: [String])
    }

    /// The account as it will be stored (the stored account's terms kept).
    public let account: Account
    public let outcome: Outcome

    /// Checks `proposed` against `stored` (nil when the id is new). `parentChain` is the stored
    /// ancestry of `proposed.parentID`: the parent, its parent and so on, nearest first — empty
    /// when there is no parent or it is not stored.
    public init(proposed: Account, stored: Account?, parentChain: [Account.ID]) throws(InvalidField) {
        if proposed.id.rawValue.allSatisfy(\.isWhitespace) { throw InvalidField("account_id", "is required") }
        if proposed.name.allSatisfy(\.isWhitespace) { throw InvalidField("name", "is required") }
        let texts: [(String, String?)] = [
            ("account_id", proposed.id.rawValue), ("name", proposed.name), ("parent_id", proposed.parentID?.rawValue),
            ("specialist", proposed.specialist), ("salesperson", proposed.salesperson), ("service_manager", proposed.serviceManager),
        ]
        for (field, text) in texts where text?.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) == true {
            throw InvalidField(field, "must not contain control characters")
        }
        if let parent = proposed.parentID {
            if parent == proposed.id { throw InvalidField("parent_id", "an account cannot be its own parent") }
            if parentChain.first != parent { throw InvalidField("parent_id", "unknown account \(parent)") }
            if parentChain.contains(proposed.id) {
                throw InvalidField("parent_id", "parent chain of \(proposed.id) loops back to itself")
            }
        }
        var account = proposed
        if let stored { account.terms = stored.terms }
        self.account = account
        guard let stored else {
            outcome = .create
            return
        }
        let changed = Self.fields.filter { _, value in value(stored) != value(account) }.map(\.column)
        outcome = changed.isEmpty ? .unchanged : .update(changed: changed)
    }

    /// True when the account's segment or specialist change: what is summarised per segment and
    /// specialist must move with it.
    public var regroups: Bool {
        guard case .update(let changed) = outcome else { return false }
        return changed.contains("segment") || changed.contains("specialist")
    }

    /// The account's writable fields as `accounts.csv` columns and their text.
    public static let fields: [(column: String, value: @Sendable (Account) -> String)] = [
        ("name", { $0.name }),
        ("segment", { $0.segment.rawValue }),
        ("parent_id", { $0.parentID?.rawValue ?? "" }),
        ("billing_frequency", { $0.billingFrequency.rawValue }),
        ("specialist", { $0.specialist ?? "" }),
        ("key_account", { String($0.flags.contains(.keyAccount)) }),
        ("hardship", { String($0.flags.contains(.hardship)) }),
        ("opened_on", { $0.openedOn?.isoString ?? "" }),
        ("salesperson", { $0.salesperson ?? "" }),
        ("service_manager", { $0.serviceManager ?? "" }),
        ("new_client", { String($0.flags.contains(.newClient)) }),
        ("new_contractor", { String($0.flags.contains(.newContractor)) }),
    ]

    /// `field=value` lines of `columns` of `account`, for the audit log.
    public static func describe(_ account: Account, _ columns: [String]) -> String {
        AuditEvent.fields(fields.filter { columns.contains($0.column) }.map { ($0.column, $0.value(account)) })
    }
}
