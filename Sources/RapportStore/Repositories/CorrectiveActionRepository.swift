import RapportCore

/// Stores corrective actions and reads what their effect report needs.
public protocol CorrectiveActionRepository: Sendable {
    func insertCorrectiveAction(_ action: CorrectiveAction) async throws
    func updateCorrectiveAction(_ action: CorrectiveAction) async throws
    func fetchCorrectiveAction(_ id: CorrectiveAction.ID) async throws -> CorrectiveAction?
    func fetchCorrectiveActions() async throws -> [CorrectiveAction]
    func countCorrectiveActions() async throws -> Int
    /// Invoices issued in the period.
    func countInvoices(issuedIn period: Period) async throws -> Int
    /// Issue day and full-payment day of each of `invoices` that exists.
    func fetchHeldInvoices(_ invoices: [Invoice.ID]) async throws -> [CorrectiveActionEffect.HeldInvoice]
}
