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
    /// For an invoice: its collection start and job, copied in (they never change; see `AddOpenItemInvoiceDays`).
    var collectionStart: String?
    var jobId: String?

    static let columns = [
        "kind", "ref_id", "account_id", "currency", "day", "due_on", "original_minor", "open_minor", "paid_on", "settled_by", "paid_late",
        "collection_start", "job_id",
    ]

    var sqlValues: [any SQLExpression] {
        [sqlValue(kind), sqlValue(refId), sqlValue(accountId), sqlValue(currency), sqlValue(day), sqlValue(dueOn),
         sqlValue(originalMinor), sqlValue(openMinor), sqlValue(paidOn), sqlValue(settledBy), sqlValue(paidLate),
         sqlValue(collectionStart), sqlValue(jobId)]
    }

    init(
        kind: String, refId: String, accountId: String, currency: String, day: String, dueOn: String?,
        originalMinor: Int64, openMinor: Int64, paidOn: String? = nil, settledBy: String? = nil, paidLate: Int? = nil,
        collectionStart: String? = nil, jobId: String? = nil
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
        self.collectionStart = collectionStart
        self.jobId = jobId
    }

    init(row: Cells) throws {
        kind = try row.text("kind")
        refId = try row.text("ref_id")
        accountId = try row.text("account_id")
        currency = try row.text("currency")
        day = try row.text("day")
        dueOn = try row.optionalText("due_on")
        originalMinor = try row.integer("original_minor")
        openMinor = try row.integer("open_minor")
    }
}
