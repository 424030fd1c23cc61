import RapportCore

extension AppEnvironment {
    /// The stored account `id`, or `AppError.notFound`.
    func requireAccount(_ id: Account.ID) async throws -> Account {
        guard let account = try await repositories.accounts.fetchAccounts([id]).first else { throw AppError.notFound("unknown account \(id)") }
        return account
    }

    /// The stored invoice `id`, checked to belong to `account`.
    func requireInvoice(_ id: Invoice.ID, of account: Account.ID) async throws -> Invoice {
        guard let invoice = try await repositories.invoices.fetchInvoices([id]).first else { throw AppError.notFound("unknown invoice \(id)") }
        if invoice.accountID != account { throw AppError.invalid("invoice \(id) belongs to account \(invoice.accountID), not \(account)") }
        return invoice
    }

    /// The id the user gave (refused when taken), or a new one from the id source.
    func newID(_ given: String?, _ kind: IDSource.Kind, noun: String, isTaken: (String) async throws -> Bool) async throws -> String {
        if let given {
            if try await isTaken(given) { throw AppError.conflict("\(noun) \(given) already exists") }
            return given
        }
        return try await ids.next(kind, isTaken: isTaken)
    }
}
