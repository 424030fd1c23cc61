import RapportCore

/// Records billing-frequency changes: the credit on the annual invoice, the monthly invoices and
/// the account's new frequency, together.
public protocol BillingChangeRepository: Sendable {
    /// Posts the credit memo, inserts the monthly invoices, sets the account to monthly billing and
    /// records the change, in one transaction.
    func applyBillingChange(_ change: BillingChange, creditMemo: CreditMemo, invoices: [Invoice]) async throws
    /// Changes effective in `from...to` (all when nil), oldest first, with their invoices in order.
    func fetchBillingChanges(from: Day?, to: Day?) async throws -> [BillingChange]
    /// Each change's monthly invoices, in order, with what was allocated to them by `day`.
    func fetchBills(of changes: [BillingChange], through day: Day) async throws -> [BillingChange.ID: [RetentionReport.Bill]]
    func countBillingChanges() async throws -> Int
}
