import FluentKit

/// The open-item table: for every invoice its open amount, for every payment, credit memo and
/// deposit its unapplied amount; updated in the same transaction as each allocation.
///
/// `kind` is `invoice`, `payment`, `credit_memo` or `deposit`; `ref_id` is that row's id. What was
/// open on a past day is the current open amount plus the allocations dated after that day.
/// `paid_on` is the day an invoice's open amount reached zero (its last allocation).
struct CreateOpenItem: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("open_items")
            .autoID()
            .required("kind", .string)
            .required("ref_id", .string)
            .reference("account_id", to: "accounts")
            .required("currency", .string)
            .required("day", .string)
            .field("due_on", .string)
            .required("original_minor", .int64)
            .required("open_minor", .int64)
            .field("paid_on", .string)
            .unique(on: "kind", "ref_id")
            .create()
        try await database.createIndex("open_items_account", on: "open_items", "account_id", "kind")
        try await database.createIndex("open_items_kind_day", on: "open_items", "kind", "day")
        try await database.createIndex(
            "open_items_paid", on: "open_items", "kind", "currency", "paid_on", "day", "due_on", "original_minor")
    }

    func revert(on database: any Database) async throws {
        try await database.schema("open_items").delete()
    }
}
