import RapportCore
import SQLKit

/// Keeps and reads `receivable_days` (see `AddReceivableDays`): per currency, day, segment and
/// specialist, what was invoiced, credited and paid. Every posting adds its open items in the same
/// transaction (an item is posted once, an invoice paid once), so the table always equals a
/// regrouping of `open_items`. The specialist is stored as '' when the account has none.
///
/// When an account's segment or specialist changes, its days move from the old group to the new
/// one (`moveAccount`), in the transaction that updates the account.
enum ReceivableDays {
    /// A row's key.
    private struct Key: Hashable {
        var currency: String
        var day: String
        var segment: String
        var specialist: String
    }

    /// A row's sums.
    private struct Sums {
        var invoiced: Int64 = 0
        var creditMemos: Int64 = 0
        var received: Int64 = 0
        var paid = PaidTotals.zero

        mutating func add(_ items: (invoiced: Int64, creditMemos: Int64, received: Int64)) {
            invoiced += items.invoiced
            creditMemos += items.creditMemos
            received += items.received
        }

        /// The same sums with the opposite sign (to take them out of a row).
        var negated: Sums {
            Sums(invoiced: -invoiced, creditMemos: -creditMemos, received: -received, paid: PaidTotals(
                count: -paid.count, amount: -paid.amount, daysToPay: -paid.daysToPay,
                amountDaysToPay: -paid.amountDaysToPay, daysBeyondTerms: -paid.daysBeyondTerms))
        }
    }

    /// Takes the days of `account` out of the group it is stored in (`out`) or adds them to it:
    /// run once before and once after the account's segment or specialist change, in one transaction.
    static func moveAccount(_ account: String, out: Bool, _ sql: any SQLDatabase) async throws {
        try await addItems(where: "o.account_id = \(bind: account)", negated: out, sql)
        try await addPaid(where: "o.account_id = \(bind: account)", negated: out, sql)
        if out {
            try await sql.raw("""
                DELETE FROM receivable_days WHERE invoiced_minor = 0 AND credit_memo_minor = 0 AND received_minor = 0 \
                AND paid_count = 0 AND paid_minor = 0 AND paid_days = 0 AND paid_amount_days = 0 AND paid_beyond_days = 0
                """).run()
        }
    }

    /// Adds, on their own days, the open items of `kind` with the ids `ids` (just posted).
    static func addItems(kind: String, ids: [String], _ sql: any SQLDatabase) async throws {
        guard !ids.isEmpty else { return }
        try await addItems(where: "o.kind = \(bind: kind) AND o.ref_id IN \(SQLBind.group(ids))", index: byReference(sql), sql)
    }

    /// Adds, on their paid days, the invoices `ids` if they were paid in cash (just settled).
    static func addPaid(invoices ids: [String], _ sql: any SQLDatabase) async throws {
        guard !ids.isEmpty else { return }
        try await addPaid(where: "o.kind = 'invoice' AND o.ref_id IN \(SQLBind.group(ids))", index: byReference(sql), sql)
    }

    /// On SQLite, the open items' unique (kind, ref_id) index: with a long IN list of ids and no
    /// statistics, SQLite would rather scan a partial index of every invoice, once per batch.
    static func byReference(_ sql: any SQLDatabase) -> SQLQueryString {
        sql.dialect.name == "sqlite" ? "INDEXED BY sqlite_autoindex_open_items_1" : ""
    }

    /// Adds, on their own days, the invoices, credit memos, payments and deposits among the open
    /// items that `condition` (on `open_items o`, read through `index`) selects.
    /// `negated` takes them out instead.
    static func addItems(where condition: SQLQueryString, index: SQLQueryString = "", negated: Bool = false, _ sql: any SQLDatabase) async throws {
        var sums: [Key: Sums] = [:]
        for row in try await sql.rows(items(
            group: "a.segment AS segment, COALESCE(a.specialist, '') AS specialist", groupBy: "1, 2, 3, 4",
            join: "\(index) JOIN accounts a ON a.id = o.account_id", where: condition)) {
            let items = try itemSums(row)
            sums[try key(row, day: "day"), default: Sums()].add(items)
        }
        try await upsert(negated ? sums.mapValues(\.negated) : sums, sql)
    }

    /// Adds, on their paid days, the invoices paid in cash among the open items that `condition`
    /// (on `open_items o`, read through `index`) selects.
    /// `negated` takes them out instead.
    static func addPaid(where condition: SQLQueryString, index: SQLQueryString = "", negated: Bool = false, _ sql: any SQLDatabase) async throws {
        var sums: [Key: Sums] = [:]
        var days = DayCache()
        for row in try await sql.rows(paid(
            group: "a.segment AS segment, COALESCE(a.specialist, '') AS specialist", groupBy: "1, 2, 3, 4, 5, 6",
            join: "\(index) JOIN accounts a ON a.id = o.account_id", where: condition)) {
            sums[try key(row, day: "paid_on"), default: Sums()].paid += try paidTotals(row, &days)
        }
        try await upsert(negated ? sums.mapValues(\.negated) : sums, sql)
    }

    /// The ledger's days in `currency` through the end of `period`, grouped as asked: from this
    /// table, or for a breakdown by account (not kept here) regrouped from the open items, with
    /// the invoices paid in `period` only.
    static func read(currency: Currency, period: Period, grouping: MetricsGrouping, _ sql: any SQLDatabase) async throws -> LedgerDays {
        var reader = GroupedDays(currency: currency)
        let code = currency.code
        let last = period.to.isoString
        guard grouping != .account else {
            for row in try await sql.rows(items(
                group: "o.account_id AS grp", groupBy: "1, 2, 3", join: "",
                where: "o.currency = \(bind: code) AND o.day <= \(bind: last)")) {
                let items = try itemSums(row)
                try reader.add(row, day: "day") { $0.add(items) }
            }
            for row in try await sql.rows(paid(
                group: "o.account_id AS grp", groupBy: "1, 2, 3, 4, 5", join: "",
                where: "o.currency = \(bind: code) AND o.paid_on >= \(bind: period.from.isoString) AND o.paid_on <= \(bind: last)")) {
                let totals = try paidTotals(row, &reader.days)
                try reader.add(row, day: "paid_on") { $0.paid += totals }
            }
            return reader.result
        }
        let group: SQLQueryString = switch grouping {
        case .segment: "segment"
        case .specialist: "CASE WHEN specialist = '' THEN '(unassigned)' ELSE specialist END"
        case .none, .account: "''"
        }
        for row in try await sql.rows("""
            SELECT day, \(group) AS grp, \(sum("invoiced_minor")), \(sum("credit_memo_minor")), \(sum("received_minor")), \
            \(sum("paid_count")), \(sum("paid_minor")), \(sum("paid_days")), \(sum("paid_amount_days")), \(sum("paid_beyond_days")) \
            FROM receivable_days WHERE currency = \(bind: code) AND day <= \(bind: last) GROUP BY day, grp
            """) {
            let items = try itemSums(row)
            let paid = PaidTotals(
                count: try row.int("paid_count"), amount: try row.integer("paid_minor"), daysToPay: try row.integer("paid_days"),
                amountDaysToPay: try row.integer("paid_amount_days"), daysBeyondTerms: try row.integer("paid_beyond_days"))
            try reader.add(row, day: "day") { entry in
                entry.add(items)
                entry.paid += paid
            }
        }
        if grouping == .none { reader.nameTheWhole() }
        return reader.result
    }

    /// `SUM(column) AS column`, as a 64-bit integer on both engines.
    private static func sum(_ column: String) -> SQLQueryString {
        "CAST(SUM(\(ident: column)) AS BIGINT) AS \(ident: column)"
    }

    /// Open items summed per currency, day and group: invoiced, credit memos, received.
    private static func items(group: SQLQueryString, groupBy: String, join: SQLQueryString, where condition: SQLQueryString) -> SQLQueryString {
        """
        SELECT o.currency AS currency, o.day AS day, \(group), \
        CAST(SUM(CASE WHEN o.kind = 'invoice' THEN o.original_minor ELSE 0 END) AS BIGINT) AS invoiced_minor, \
        CAST(SUM(CASE WHEN o.kind = 'credit_memo' THEN o.original_minor ELSE 0 END) AS BIGINT) AS credit_memo_minor, \
        CAST(SUM(CASE WHEN o.kind IN ('payment', 'deposit') THEN o.original_minor ELSE 0 END) AS BIGINT) AS received_minor \
        FROM open_items o \(join) WHERE \(condition) GROUP BY \(unsafeRaw: groupBy)
        """
    }

    /// Invoices paid in cash, counted and summed per currency, paid day, issue day, due day and group.
    private static func paid(group: SQLQueryString, groupBy: String, join: SQLQueryString, where condition: SQLQueryString) -> SQLQueryString {
        """
        SELECT o.currency AS currency, o.paid_on AS paid_on, o.day AS issued, o.due_on AS due, \(group), COUNT(*) AS n, \
        CAST(SUM(o.original_minor) AS BIGINT) AS amount FROM open_items o \(join) \
        WHERE o.kind = 'invoice' AND o.settled_by = 'cash' AND o.paid_on IS NOT NULL AND \(condition) GROUP BY \(unsafeRaw: groupBy)
        """
    }

    private static func itemSums(_ row: Cells) throws -> (invoiced: Int64, creditMemos: Int64, received: Int64) {
        (try row.integer("invoiced_minor"), try row.integer("credit_memo_minor"), try row.integer("received_minor"))
    }

    private static func paidTotals(_ row: Cells, _ days: inout DayCache) throws -> PaidTotals {
        PaidTotals(
            issue: try days.day(try row.text("issued")).daysSinceEpoch, due: try days.day(try row.text("due")).daysSinceEpoch,
            paidDay: try days.day(try row.text("paid_on")).daysSinceEpoch, count: try row.int("n"), amount: try row.integer("amount"))
    }

    private static func key(_ row: Cells, day: String) throws -> Key {
        Key(currency: try row.text("currency"), day: try row.text(day), segment: try row.text("segment"), specialist: try row.text("specialist"))
    }

    /// Adds `sums` to the table, creating rows that are not there yet, a few hundred per statement.
    private static func upsert(_ sums: [Key: Sums], _ sql: any SQLDatabase) async throws {
        let rows = Array(sums)
        for start in stride(from: 0, to: rows.count, by: 200) {
            let values = rows[start..<min(start + 200, rows.count)].map { key, sums -> SQLQueryString in
                let paid = sums.paid
                return """
                    (\(bind: key.currency), \(bind: key.day), \(bind: key.segment), \(bind: key.specialist), \(bind: sums.invoiced), \
                    \(bind: sums.creditMemos), \(bind: sums.received), \(bind: Int64(paid.count)), \(bind: paid.amount), \
                    \(bind: paid.daysToPay), \(bind: paid.amountDaysToPay), \(bind: paid.daysBeyondTerms))
                    """
            }
            let added = [
                "invoiced_minor", "credit_memo_minor", "received_minor", "paid_count", "paid_minor", "paid_days",
                "paid_amount_days", "paid_beyond_days",
            ].map { "\($0) = receivable_days.\($0) + excluded.\($0)" }.joined(separator: ", ")
            try await sql.raw("""
                INSERT INTO receivable_days (currency, day, segment, specialist, invoiced_minor, credit_memo_minor, received_minor, \
                paid_count, paid_minor, paid_days, paid_amount_days, paid_beyond_days) VALUES \(SQLList(values)) \
                ON CONFLICT (currency, day, segment, specialist) DO UPDATE SET \(unsafeRaw: added)
                """).run()
        }
    }
}

/// Gathers rows (a day column and `grp`) into `LedgerDays` entries, one per day and group, and
/// names the groups in the order they first appear.
private struct GroupedDays {
    var days = DayCache()
    private(set) var result: LedgerDays
    private var groups: [String: Int] = [:]
    private var positions: [Int: [Int: Int]] = [:]

    init(currency: Currency) { result = LedgerDays(currency: currency, groupNames: []) }

    /// Applies `change` to the entry of `row`'s day (in `column`) and group.
    mutating func add(_ row: Cells, day column: String, _ change: (inout LedgerDays.Entry) -> Void) throws {
        let name = try row.text("grp")
        let group: Int
        if let known = groups[name] {
            group = known
        } else {
            group = result.groupNames.count
            groups[name] = group
            result.groupNames.append(name)
        }
        let day = try days.day(try row.text(column)).daysSinceEpoch
        if let position = positions[group]?[day] {
            change(&result.entries[position])
        } else {
            var entry = LedgerDays.Entry(day: day, group: group)
            change(&entry)
            positions[group, default: [:]][day] = result.entries.count
            result.entries.append(entry)
        }
    }

    /// Names `["all"]` for a ledger that is not broken down (even an empty one).
    mutating func nameTheWhole() { result.groupNames = ["all"] }
}

private extension LedgerDays.Entry {
    mutating func add(_ items: (invoiced: Int64, creditMemos: Int64, received: Int64)) {
        invoiced += items.invoiced
        creditMemos += items.creditMemos
        received += items.received
    }
}
