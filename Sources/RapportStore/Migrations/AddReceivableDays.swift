import FluentKit
import SQLKit

/// Metrics for a period without reading its history: `receivable_days` (per currency, day,
/// segment and specialist, what was invoiced, credited and paid — kept by every posting in the
/// same transaction, see `ReceivableDays`), and `allocations_day`, so what was applied after a day
/// (the difference between open now and open then) is a range read, not a scan.
struct AddReceivableDays: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("""
            CREATE TABLE receivable_days (
              currency TEXT NOT NULL, day TEXT NOT NULL, segment TEXT NOT NULL, specialist TEXT NOT NULL,
              invoiced_minor BIGINT NOT NULL, credit_memo_minor BIGINT NOT NULL, received_minor BIGINT NOT NULL,
              paid_count BIGINT NOT NULL, paid_minor BIGINT NOT NULL, paid_days BIGINT NOT NULL,
              paid_amount_days BIGINT NOT NULL, paid_beyond_days BIGINT NOT NULL,
              PRIMARY KEY (currency, day, segment, specialist))
            """).run()
        try await ReceivableDays.addItems(where: "1 = 1", sql)
        try await ReceivableDays.addPaid(where: "1 = 1", sql)
        try await sql.raw("CREATE INDEX allocations_day ON allocations (currency, allocated_on)").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("DROP INDEX allocations_day").run()
        try await sql.raw("DROP TABLE receivable_days").run()
    }
}
