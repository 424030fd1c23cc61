import RapportCore

/// Payment arrangements: a balance in monthly installments, and whether the customer keeps up.
public struct ArrangementUseCases: Sendable {
    let env: AppEnvironment

    /// An arrangement and where it stands on the day asked for.
    public struct Standing: Sendable {
        public var arrangement: PaymentArrangement
        public var standing: ArrangementPlan.Standing
    }

    /// Agrees `total` (decimal text in `currency`) in `installments` monthly installments from
    /// `first`, covering `invoices` — by default the account's invoices open on the agreed day.
    public func add(
        account: Account.ID, total: String, currency: String, installments: Int, first: Day, agreedOn: Day? = nil,
        invoices: [Invoice.ID]? = nil
    ) async throws -> PaymentArrangement {
        let amount = try Money.parse(total, currency: try Currency(currency))
        let agreed = env.day(agreedOn)
        try RequestRules.checkArrangement(total: amount, installments: installments, agreedOn: agreed, first: first)
        _ = try await env.requireAccount(account)
        let covered: [Invoice.ID]
        if let invoices {
            for invoice in invoices { _ = try await env.requireInvoice(invoice, of: account) }
            covered = invoices
        } else {
            let ledger = try await env.repositories.ledger.ledgerReport(for: account, asOf: agreed)
            covered = (ledger?.invoices ?? []).filter(\.open.isPositive).map(\.invoiceID)
        }
        let arrangement = PaymentArrangement(
            id: PaymentArrangement.ID(try await env.ids.next(.arrangement)), accountID: account, agreedOn: agreed,
            installments: ArrangementPlan.monthly(total: amount, count: installments, first: first), invoiceIDs: covered)
        try await env.repositories.arrangements.insertArrangement(arrangement)
        try await env.audit.record("arrangement.add", entity: "arrangement", id: arrangement.id.rawValue, after: AuditEvent.fields([
            "account": account.rawValue, "total": amount.decimalString, "currency": amount.currency.code, "installments": String(installments),
            "first": first.isoString, "agreed_on": agreed.isoString, "invoices": covered.map(\.rawValue).joined(separator: " "),
        ]))
        return arrangement
    }

    /// The arrangements agreed by `day` (default today), of one account or all, with their standing that day.
    public func list(account: Account.ID? = nil, asOf day: Day? = nil) async throws -> [Standing] {
        let day = env.day(day)
        let arrangements = try await env.repositories.arrangements.fetchArrangements(accounts: account.map { [$0] })
            .filter { $0.agreedOn <= day }
        return try await standings(arrangements, on: day)
    }

    /// Where each of `arrangements` stands on `day`, from the payments allocated to its invoices.
    func standings(_ arrangements: [PaymentArrangement], on day: Day) async throws -> [Standing] {
        let repositories = env.repositories
        var payments: [Payment] = []
        if let earliest = arrangements.filter(\.invoiceIDs.isEmpty).map(\.agreedOn).min() {
            payments = try await repositories.promises.fetchPayments(
                accounts: Array(Set(arrangements.filter(\.invoiceIDs.isEmpty).map(\.accountID))), from: earliest)
        }
        let allocations = try await repositories.arrangements.fetchArrangementAllocations(arrangements)
        return arrangements.map {
            Standing(arrangement: $0, standing: ArrangementPlan.standing($0, payments: payments, allocations: allocations, on: day))
        }
    }
}

extension AppEnvironment {
    /// Payment arrangements.
    public var arrangements: ArrangementUseCases { ArrangementUseCases(env: self) }
}
