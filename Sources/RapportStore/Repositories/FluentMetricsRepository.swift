import FluentKit
import RapportCore
import SQLKit

/// `MetricsRepository` on SQLite or PostgreSQL. Each query reads one narrow covering index in
/// order and sums by day, so a ledger of millions of rows reaches Core as a few thousand facts
/// (the breakdowns join `accounts` for the group and cost more).
public struct FluentMetricsRepository: MetricsRepository {
    let database: any Database

    public init(_ database: RapportDatabase) { self.database = database.reader }

    init(database: any Database) { self.database = database }

    public func fetchCurrencies() async throws -> [Currency] {
        let sql = database as! any SQLDatabase
        let rows = try await sql.rows("SELECT DISTINCT currency FROM invoices ORDER BY currency")
        return try rows.map { try Currency(try $0.text("currency")) }
    }

    public func fetchAgingFacts(currency: Currency, asOf day: Day, grouping: MetricsGrouping) async throws -> ReceivableFacts {
        try await database.readSnapshot { try await Self(database: $0).agingFacts(currency: currency, asOf: day, grouping: grouping) }
    }

    public func fetchPeriodFacts(
        currency: Currency, period: Period, grouping: MetricsGrouping
    ) async throws -> (days: LedgerDays, openAtEnd: ReceivableFacts) {
        try await database.readSnapshot { database in
            let days = try await ReceivableDays.read(currency: currency, period: period, grouping: grouping, database as! any SQLDatabase)
            let open = try await Self(database: database).agingFacts(currency: currency, asOf: period.to, grouping: grouping, nameGroups: false)
            return (days, open)
        }
    }

    public func fetchLedgerDays(currency: Currency, period: Period, grouping: MetricsGrouping) async throws -> LedgerDays {
        try await database.readSnapshot { database in
            try await ReceivableDays.read(currency: currency, period: period, grouping: grouping, database as! any SQLDatabase)
        }
    }

    /// The aging facts; with `nameGroups`, every group with an invoice by `day` is named, even
    /// one with nothing open.
    private func agingFacts(currency: Currency, asOf day: Day, grouping: MetricsGrouping, nameGroups: Bool = true) async throws -> ReceivableFacts {
        let sql = database as! any SQLDatabase
        var reader = FactReader(sql: sql, currency: currency.code, grouping: grouping)
        var facts = ReceivableFacts(currency: currency)
        let iso = day.isoString
        let code = currency.code
        // Without statistics SQLite prefers the wide kind/currency index; the partial one holds only what is open.
        let openIndex: SQLQueryString = sql.dialect.name == "sqlite" ? "INDEXED BY open_items_open" : ""
        let laterIndex: SQLQueryString = sql.dialect.name == "sqlite" ? "INDEXED BY allocations_day" : ""
        if grouping != .none && nameGroups {
            for row in try await sql.rows("""
                SELECT DISTINCT \(reader.group("a")) AS grp FROM accounts a WHERE EXISTS (SELECT 1 FROM invoices i
                  WHERE i.account_id = a.id AND i.issue_date <= \(bind: iso) AND i.currency || '' = \(bind: code))
                """) {
                reader.register(try row.text("grp"))
            }
        }
        let billedOn = day.daysSinceEpoch
        // Open now, plus what was allocated after the day to invoices issued by then: open that day.
        for row in try await reader.rows("""
            SELECT o.due_on AS d1, o.collection_start AS d2, \(reader.group("a")) AS grp, CAST(SUM(o.open_minor) AS BIGINT) AS amount
            FROM open_items o \(openIndex) \(reader.join("o"))
            WHERE o.kind = 'invoice' AND o.open_minor <> 0 AND o.currency = \(bind: code) AND o.day <= \(bind: iso) \(reader.groupBy(2))
            """) {
            facts.billings.append(.init(issue: billedOn, due: row.d1, collectionStart: row.d2!, amount: row.amount, group: row.group))
        }
        let group = reader.group("a")
        let joinAccount = reader.join("iv")
        for row in try await reader.rows("""
            SELECT al.invoice_due AS d1, al.invoice_collection_start AS d2, \(group) AS grp, CAST(SUM(al.amount_minor) AS BIGINT) AS amount
            FROM allocations al \(laterIndex) JOIN invoices iv ON iv.id = al.invoice_id \(joinAccount)
            WHERE al.currency = \(bind: code) AND al.allocated_on > \(bind: iso) AND iv.issue_date <= \(bind: iso) \(reader.groupBy(2))
            """) {
            facts.billings.append(.init(issue: billedOn, due: row.d1, collectionStart: row.d2!, amount: row.amount, group: row.group))
        }
        // Unapplied now, plus what was applied after the day from credits received by then: unapplied that day.
        for row in try await reader.rows("""
            SELECT o.day AS d1, \(reader.group("a")) AS grp, CAST(SUM(o.open_minor) AS BIGINT) AS amount
            FROM open_items o \(openIndex) \(reader.join("o"))
            WHERE o.kind IN ('payment', 'credit_memo', 'deposit') AND o.open_minor <> 0 AND o.currency = \(bind: code)
              AND o.day <= \(bind: iso) \(reader.groupBy(1))
            """) {
            facts.credits.append(.init(day: row.d1, amount: row.amount, isCreditMemo: false, group: row.group))
        }
        for row in try await reader.rows("""
            SELECT al.credit_day AS d1, \(group) AS grp, CAST(SUM(al.amount_minor) AS BIGINT) AS amount
            FROM allocations al \(laterIndex) JOIN invoices iv ON iv.id = al.invoice_id \(joinAccount)
            WHERE al.currency = \(bind: code) AND al.allocated_on > \(bind: iso) AND al.credit_day <= \(bind: iso) \(reader.groupBy(1))
            """) {
            facts.credits.append(.init(day: row.d1, amount: row.amount, isCreditMemo: false, group: row.group))
        }
        facts.groupNames = grouping == .none ? ["all"] : reader.groupNames
        return facts
    }

    public func fetchFacts(currency: Currency, cuts: [Day], grouping: MetricsGrouping) async throws -> ReceivableFacts {
        try await fetchFacts(currency: currency, cuts: cuts, grouping: grouping, paid: true)
    }

    public func fetchFacts(currency: Currency, cuts: [Day], grouping: MetricsGrouping, paid: Bool) async throws -> ReceivableFacts {
        try await database.readSnapshot { try await Self(database: $0).facts(currency: currency, cuts: cuts, grouping: grouping, paid: paid) }
    }

    private func facts(currency: Currency, cuts: [Day], grouping: MetricsGrouping, paid: Bool) async throws -> ReceivableFacts {
        let cuts = Array(Set(cuts)).sorted()
        guard let last = cuts.last else { return ReceivableFacts(currency: currency) }
        var reader = FactReader(sql: database as! any SQLDatabase, currency: currency.code, grouping: grouping)
        var facts = ReceivableFacts(currency: currency)
        for row in try await reader.rows("""
            SELECT i.issue_date AS d1, i.due_date AS d2, i.collection_start AS d3, \(reader.group("i")) AS grp, \
            CAST(SUM(i.total_minor) AS BIGINT) AS amount FROM invoices i \(reader.join("i")) \
            WHERE i.currency = \(bind: currency.code) AND i.issue_date <= \(bind: last.isoString) \(reader.groupBy(3))
            """) {
            facts.billings.append(.init(issue: row.d1, due: row.d2!, collectionStart: row.d3!, amount: row.amount, group: row.group))
        }
        let group = reader.group("a")
        let joinAccount = reader.join("al")
        // Money applied up to each cut, dated on the cut. A few cuts (a period's two ends) without a
        // breakdown: one query per cut, each reading the covering index in its own order, no sort.
        // Many cuts (a monthly trend), or a breakdown (which sorts by group anyway): one pass that
        // puts each allocation on the first cut on or after its day.
        if cuts.count <= 4 && grouping == .none {
            let groupBy1 = reader.groupBy(1)
            let groupBy2 = reader.groupBy(2)
            try await reader.cumulative(cuts, { cut in """
                SELECT al.invoice_due AS d1, al.invoice_collection_start AS d2, \(group) AS grp, \
                CAST(SUM(al.amount_minor) AS BIGINT) AS amount FROM allocations al \(joinAccount) \
                WHERE al.currency = \(bind: currency.code) AND al.allocated_on <= \(bind: cut) \(groupBy2)
                """ }) { row, cut in
                facts.settlements.append(.init(due: row.d1, collectionStart: row.d2!, day: cut, amount: row.amount, group: row.group))
            }
            try await reader.cumulative(cuts, { cut in """
                SELECT al.credit_day AS d1, \(group) AS grp, CAST(SUM(al.amount_minor) AS BIGINT) AS amount \
                FROM allocations al \(joinAccount) \
                WHERE al.currency = \(bind: currency.code) AND al.allocated_on <= \(bind: cut) \(groupBy1)
                """ }) { row, cut in
                facts.applications.append(.init(received: row.d1, day: cut, amount: row.amount, group: row.group))
            }
        } else {
            let bucket = FactReader.bucket(of: "al.allocated_on", cuts: cuts)
            for row in try await reader.rows("""
                SELECT al.invoice_due AS d1, al.invoice_collection_start AS d2, \(bucket) AS b, \(group) AS grp, \
                CAST(SUM(al.amount_minor) AS BIGINT) AS amount FROM allocations al \(joinAccount) \
                WHERE al.currency = \(bind: currency.code) AND al.allocated_on <= \(bind: last.isoString) \(reader.groupBy(3))
                """) {
                facts.settlements.append(.init(
                    due: row.d1, collectionStart: row.d2!, day: cuts[row.bucket!].daysSinceEpoch, amount: row.amount, group: row.group))
            }
            for row in try await reader.rows("""
                SELECT al.credit_day AS d1, \(bucket) AS b, \(group) AS grp, CAST(SUM(al.amount_minor) AS BIGINT) AS amount \
                FROM allocations al \(joinAccount) \
                WHERE al.currency = \(bind: currency.code) AND al.allocated_on <= \(bind: last.isoString) \(reader.groupBy(2))
                """) {
                facts.applications.append(.init(received: row.d1, day: cuts[row.bucket!].daysSinceEpoch, amount: row.amount, group: row.group))
            }
        }
        for (table, dayColumn, isMemo) in [
            ("payments", "received_on", false), ("credit_memos", "issued_on", true), ("deposits", "received_on", false),
        ] {
            for row in try await reader.rows("""
                SELECT c.\(ident: dayColumn) AS d1, \(reader.group("c")) AS grp, CAST(SUM(c.amount_minor) AS BIGINT) AS amount \
                FROM \(ident: table) c \(reader.join("c")) \
                WHERE c.currency = \(bind: currency.code) AND c.\(ident: dayColumn) <= \(bind: last.isoString) \(reader.groupBy(1))
                """) {
                facts.credits.append(.init(day: row.d1, amount: row.amount, isCreditMemo: isMemo, group: row.group))
            }
        }
        for row in try await paid ? reader.rows("""
            SELECT o.paid_on AS d1, o.day AS d2, o.due_on AS d3, \(reader.group("o")) AS grp, COUNT(*) AS n, \
            CAST(SUM(o.original_minor) AS BIGINT) AS amount FROM open_items o \(reader.join("o")) \
            WHERE o.kind = 'invoice' AND o.currency = \(bind: currency.code) AND o.paid_on > \(bind: cuts[0].isoString) \
            AND o.paid_on <= \(bind: last.isoString) AND o.settled_by = 'cash' \(reader.groupBy(3))
            """) : [] {
            facts.paid.append(.init(issue: row.d2!, due: row.d3!, paidDay: row.d1, count: row.count, amount: row.amount, group: row.group))
        }
        facts.groupNames = grouping == .none ? ["all"] : reader.groupNames
        return facts
    }
}

/// Runs the fact queries: the group expression and joins for a breakdown, row decoding with each
/// distinct day parsed once, and dense group indexes.
private struct FactReader {
    /// One result row: up to three days, a group, a count and an amount.
    struct Row {
        var d1: Int
        var d2: Int?
        var d3: Int?
        /// The cut a row was summed into (`bucket(of:cuts:)`), for one-pass per-cut sums.
        var bucket: Int?
        var group: Int
        var count: Int
        var amount: Int64
    }

    let sql: any SQLDatabase
    let currency: String
    let grouping: MetricsGrouping
    private(set) var groupNames: [String] = []
    private var groupIndex: [String: Int] = [:]
    private var days = DayCache()

    init(sql: any SQLDatabase, currency: String, grouping: MetricsGrouping) {
        self.sql = sql
        self.currency = currency
        self.grouping = grouping
    }

    /// The SQL giving a row's group; `a` is the joined accounts table.
    func group(_ table: String) -> SQLQueryString {
        switch grouping {
        case .none: "''"
        case .account: "a.id"
        case .segment: "a.segment"
        case .specialist: "COALESCE(a.specialist, '(unassigned)')"
        }
    }

    /// GROUP BY the first `keys` columns, and the group (the next column) only when there is a
    /// breakdown: grouping by a constant would make SQLite sort instead of reading the index in order.
    func groupBy(_ keys: Int) -> SQLQueryString {
        let columns = (1...keys + (grouping == .none ? 0 : 1)).map(String.init).joined(separator: ", ")
        return "GROUP BY \(unsafeRaw: columns)"
    }

    /// Joins `accounts a` to a table with an `account_id` column (none without a breakdown),
    /// through `accounts_groups` (id, segment, specialist) — on SQLite, which without statistics
    /// would take the primary key and then read each account's row.
    func join(_ table: String) -> SQLQueryString {
        guard grouping != .none else { return "" }
        let index: SQLQueryString = sql.dialect.name == "sqlite" ? "INDEXED BY accounts_groups" : ""
        return "JOIN accounts a \(index) ON a.id = \(ident: table).account_id"
    }

    /// Names a group before any row does, so that a group with no facts still gets its part.
    mutating func register(_ name: String) {
        guard groupIndex[name] == nil else { return }
        groupIndex[name] = groupNames.count
        groupNames.append(name)
    }

    mutating func rows(_ query: SQLQueryString) async throws -> [Row] {
        try await sql.rows(query).map { try decode($0) }
    }

    /// Runs the query of each cut (sums up to and including the cut, as ISO text) and hands on
    /// the increase since the previous cut, dated on the cut.
    mutating func cumulative(
        _ cuts: [Day], _ query: (String) -> SQLQueryString, _ emit: (Row, Int) -> Void
    ) async throws {
        var previous: [String: Row] = [:]
        for cut in cuts {
            let rows = try await self.rows(query(cut.isoString))
            var current: [String: Row] = [:]
            for row in rows {
                let key = "\(row.d1)|\(row.d2 ?? 0)|\(row.group)"
                current[key] = row
                var increase = row
                increase.amount -= previous[key]?.amount ?? 0
                if increase.amount != 0 { emit(increase, cut.daysSinceEpoch) }
            }
            previous = current
        }
    }

    /// The index of the first of `cuts` (sorted) on or after `column`'s day, as a balanced tree of
    /// CASE expressions: a handful of comparisons per row however many cuts there are.
    static func bucket(of column: String, cuts: [Day]) -> SQLQueryString {
        func node(_ low: Int, _ high: Int) -> SQLQueryString {
            guard low < high else { return "\(unsafeRaw: String(low))" }
            let middle = (low + high) / 2
            return "CASE WHEN \(unsafeRaw: column) <= \(bind: cuts[middle].isoString) THEN \(node(low, middle)) ELSE \(node(middle + 1, high)) END"
        }
        return node(0, cuts.count - 1)
    }

    private mutating func decode(_ row: Cells) throws -> Row {
        func day(_ column: String) throws -> Int? {
            guard row.contains(column), let text = try row.optionalText(column) else { return nil }
            return try days.day(text).daysSinceEpoch
        }
        let name = try row.text("grp")
        let group: Int
        if let known = groupIndex[name] {
            group = known
        } else {
            group = groupNames.count
            groupIndex[name] = group
            groupNames.append(name)
        }
        return Row(
            d1: try day("d1")!, d2: try day("d2"), d3: try day("d3"),
            bucket: row.contains("b") ? try row.int("b") : nil, group: group,
            count: row.contains("n") ? try row.int("n") : 1,
            amount: try row.integer("amount"))
    }
}
