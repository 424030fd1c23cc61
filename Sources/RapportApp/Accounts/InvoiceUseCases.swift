import RapportCore

/// One invoice as the invoice page shows it: its lines, what was applied to it, what is open,
/// the job behind it and the cases that hold it.
public struct InvoiceUseCases: Sendable {
    let env: AppEnvironment

    /// Everything about one invoice.
    public struct Detail: Sendable {
        public var invoice: Invoice
        public var account: Account
        public var locationNames: [Location.ID: String]
        public var allocations: [Allocation]
        public var open: Money
        public var job: Job?
        /// Active cases holding the invoice.
        public var holdingCases: [Case]
        public var collectionStart: Day

        /// The departments the invoice concerns (Core's rule).
        public var departmentsConcerned: Set<Department> { Invoice.departmentsConcerned(holdingCases: holdingCases, job: job) }
    }

    /// The invoice `id` with what the page shows.
    public func detail(_ id: Invoice.ID) async throws -> Detail {
        let repositories = env.repositories
        let posted = try await posted(id)
        let invoice = posted.invoice
        let locations = Set(invoice.lines.compactMap(\.locationID))
        let names = Dictionary(try await repositories.locations.fetchLocations(Array(locations)).map { ($0.id, $0.name) },
                               uniquingKeysWith: { first, _ in first })
        var job: Job?
        if let jobID = invoice.jobID { job = try await repositories.jobs.fetchJobs([jobID]).first }
        let cases = try await repositories.cases.fetchCases(department: nil, status: nil, account: invoice.accountID)
            .filter { $0.isActive && $0.invoiceIDs.contains(id) }
        return Detail(invoice: invoice, account: posted.account, locationNames: names, allocations: posted.allocations,
                      open: posted.open, job: job, holdingCases: cases, collectionStart: posted.collectionStart)
    }
}

extension InvoiceUseCases {
    /// Up to `limit` invoices by id after `after`, of one account (which must exist) or all; only
    /// those open today when `openOnly`. Each with its open amount and collection start.
    public func page(account: Account.ID?, openOnly: Bool, after: Invoice.ID?, limit: Int) async throws -> [(Invoice, Money, Day)] {
        let repositories = env.repositories
        if let account { _ = try await env.requireAccount(account) }
        let invoices = try await repositories.invoices.fetchInvoicePage(account: account, openOnly: openOnly, after: after, limit: limit)
        let open = try await repositories.ledger.openAmounts(of: invoices.map(\.id))
        let terms = Dictionary(try await repositories.accounts.fetchAccounts(Set(invoices.map(\.accountID))).map { ($0.id, $0.terms) },
                               uniquingKeysWith: { first, _ in first })
        return invoices.map { invoice in
            (invoice, open[invoice.id] ?? .zero(invoice.currency), invoice.collectionStart(terms: terms[invoice.accountID] ?? .standard))
        }
    }

    /// The invoice `id` as the API answers a write: its lines, its account, what was applied to
    /// it, what is open and its collection start — without the page's locations, job and cases.
    public func posted(_ id: Invoice.ID) async throws
        -> (invoice: Invoice, account: Account, open: Money, collectionStart: Day, allocations: [Allocation]) {
        let repositories = env.repositories
        guard let invoice = try await repositories.invoices.fetchInvoices([id]).first else {
            throw AppError.notFound("unknown invoice \(id)")
        }
        let account = try await env.requireAccount(invoice.accountID)
        let open = try await repositories.ledger.openAmounts(of: [id])[id] ?? .zero(invoice.currency)
        return (invoice, account, open, invoice.collectionStart(terms: account.terms), try await repositories.invoices.fetchAllocations(of: id))
    }

    /// The open invoices billed for `job`, oldest first: what a problem found with the job holds up.
    public func openInvoices(ofJob job: Job.ID) async throws -> [Invoice.ID] {
        try await env.repositories.invoices.fetchOpenInvoiceIDs(job: job)
    }
}

extension AppEnvironment {
    /// Invoices, one at a time.
    public var invoices: InvoiceUseCases { InvoiceUseCases(env: self) }
}
