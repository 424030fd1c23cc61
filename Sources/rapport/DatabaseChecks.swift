import Foundation
import RapportCore
import RapportStore

extension RapportDatabase {
    /// The stored account `id`, or a user error naming it.
    func requireAccount(_ id: String) async throws -> Account {
        guard let account = try await FluentAccountRepository(self).fetchAccounts([Account.ID(id)]).first else {
            throw UserError("unknown account \(id)")
        }
        return account
    }

    /// The stored invoice `id`, checked to belong to `account`; a user error otherwise.
    func requireInvoice(_ id: String, of account: String) async throws -> Invoice {
        guard let invoice = try await FluentInvoiceRepository(self).fetchInvoices([Invoice.ID(id)]).first else {
            throw UserError("unknown invoice \(id)")
        }
        if invoice.accountID.rawValue != account {
            throw UserError("invoice \(id) belongs to account \(invoice.accountID), not \(account)")
        }
        return invoice
    }
}

/// The id the user gave, or the next number: `prefix` and the stored count + 1 in six digits ("C000042").
func recordNumber(_ given: String?, prefix: String, count: () async throws -> Int) async throws -> String {
    if let given { return given }
    return prefix + String(format: "%06d", try await count() + 1)
}
