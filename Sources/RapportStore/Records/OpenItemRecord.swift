import SQLKit

/// A row of `open_items`: the open amount of one invoice or the unapplied amount of one credit.
struct OpenItemRecord: BulkRow {
    var kind: String
    var refId: String
    var accountId: String
    var currency: String
    var day: String
    var dueOn: String?
    var originalMinor: Int64
    var openMinor: Int64
    /// For an invoice: the day its open amount reached zero.
    var paidOn: String?
    /// For a paid invoice: `cash` or `credit` (see `AddOpenItemSettledBy`).
    var settledBy: String?
    /// For a paid invoice: 1 when paid after its collection start (see `AddQueueReadIndexes`).
    var paidLate: Int?

    static let columns = ["kind", "ref_id", "account_id", "currency", "day", "due_on", "original_minor", "open_minor", "paid_on", "settled_by", "paid_late"]

    var sqlValues: [any SQLExpression] {
        [sqlValue(kind), sqlValue(refId), sqlValue(accountId), sqlValue(currency), sqlValue(day), sqlValue(dueOn),
         sqlValue(originalMinor), sqlValue(openMinor), sqlValue(paidOn), sqlValue(settledBy), sqlValue(paidLate)]
    }

    init(
        kind: String, refId: String, accountId: String, currency: String, day: String, dueOn: String?,
        originalMinor: Int64, openMinor: Int64, paidOn: String? = nil, settledBy: String? = nil, paidLate: Int? = nil
    ) {
        self.kind = kind
        self.refId = refId
        self.accountId = accountId
        self.currency = currency
        self.day = day
        self.dueOn = dueOn
        self.originalMinor = originalMinor
        self.openMinor = openMinor
        self.paidOn = paidOn
        self.settledBy = settledBy
        self.paidLate = paidLate
    }

    init(row: any SQLRow) throws {
        kind = try row.decode(column: "kind", as: String.self)
        refId = try row.decode(column: "ref_id", as: String.self)
        accountId = try row.decode(column: "account_id", as: String.self)
        currency = try row.decode(column: "currency", as: String.self)
        day = try row.decode(column: "day", as: String.self)
        dueOn = try row.decode(column: "due_on", as: String?.self)
        originalMinor = try row.decode(column: "original_minor", as: Int64.self)
        openMinor = try row.decode(column: "open_minor", as: Int64.self)
    }
}
