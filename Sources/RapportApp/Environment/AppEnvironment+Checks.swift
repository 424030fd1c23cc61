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

    /// The stored job `id`, checked to belong to `account` or an account of its family.
    func requireJob(_ id: Job.ID, ofFamilyOf account: Account.ID) async throws -> Job {
        guard let job = try await repositories.jobs.fetchJobs([id]).first else { throw AppError.notFound("unknown job \(id)") }
        if job.accountID != account, !(try await repositories.accounts.fetchFamily(of: account).contains { $0.id == job.accountID }) {
            throw AppError.invalid("job \(id) belongs to account \(job.accountID), not \(account)")
        }
        return job
    }

    /// The stored contact `id`, checked to belong to `account` or an account of its family.
    func requireContact(_ id: Contact.ID, ofFamilyOf account: Account.ID) async throws -> Contact {
        guard let contact = try await repositories.contacts.fetchContacts([id]).first else { throw AppError.notFound("unknown contact \(id)") }
        if contact.accountID != account, !(try await repositories.accounts.fetchFamily(of: account).contains { $0.id == contact.accountID }) {
            throw AppError.invalid("contact \(id) belongs to account \(contact.accountID), not \(account)")
        }
        return contact
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
