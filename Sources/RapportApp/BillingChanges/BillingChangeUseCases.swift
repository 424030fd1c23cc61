import RapportCore

/// Billing-frequency changes: keep a fixed-income customer by moving them from annual to monthly billing.
public struct BillingChangeUseCases: Sendable {
    let env: AppEnvironment

    /// A recorded change and the monthly invoices it issued.
    public struct Applied: Sendable {
        public var change: BillingChange
        public var invoices: [Invoice]
    }

    /// Credits what is open on the annual `invoice` and re-bills it monthly from `effective`, prorated by days.
    public func annualToMonthly(
        account: Account.ID, invoice: Invoice.ID, effective: Day, yearStart: Day? = nil, recordedOn: Day? = nil, id: String? = nil
    ) async throws -> Applied {
        let repositories = env.repositories
        let customer = try await env.requireAccount(account)
        guard customer.billingFrequency == .annual else {
            throw AppError.invalid("account \(account) is billed \(customer.billingFrequency.rawValue), not annually")
        }
        let annual = try await env.requireInvoice(invoice, of: account)
        let recorded = env.day(recordedOn)
        let ledger = try await repositories.ledger.ledgerReport(for: customer.id, asOf: max(recorded, effective))
        let open = ledger?.invoices.first { $0.invoiceID == annual.id }?.open ?? .zero(annual.currency)
        let plan: BillingFrequencyChange
        do {
            plan = try BillingFrequencyChange.annualToMonthly(open: open, yearStart: yearStart ?? annual.issueDate, effective: effective)
        } catch BillingFrequencyChange.Problem.nothingOpen {
            throw AppError.invalid("invoice \(invoice) has nothing open to re-bill")
        } catch BillingFrequencyChange.Problem.outsideBillingYear(let effective, let start, let end) {
            throw AppError.invalid("--effective \(effective) is outside the billing year \(start) – \(end.adding(days: -1)) of invoice \(invoice)")
        }
        let number = try await env.newID(id, .billingChange, noun: "billing change") { candidate in
            try await repositories.billingChanges.fetchBillingChanges(from: nil, to: nil).contains { $0.id.rawValue == candidate }
        }
        let records = plan.records(id: BillingChange.ID(number), account: customer, annual: annual, effective: effective, recordedOn: recorded)
        try await repositories.billingChanges.applyBillingChange(records.change, creditMemo: records.creditMemo, invoices: records.invoices)
        let change = records.change
        try await env.audit.record("billing_change.add", entity: "billing_change", id: change.id.rawValue, after: AuditEvent.fields([
            "account": account.rawValue, "invoice": invoice.rawValue, "effective_on": effective.isoString, "recorded_on": recorded.isoString,
            "credited": change.amount.decimalString, "currency": change.amount.currency.code, "credit_memo": change.creditMemoID.rawValue,
            "monthly_invoices": change.invoiceIDs.map(\.rawValue).joined(separator: " "),
        ]))
        return Applied(change: records.change, invoices: records.invoices)
    }

    /// Every change, of one account or all.
    public func list(account: Account.ID? = nil) async throws -> [BillingChange] {
        try await env.repositories.billingChanges.fetchBillingChanges(from: nil, to: nil).filter { account == nil || $0.accountID == account }
    }

    /// The accounts kept by billing changes and arrangements in `period`, with how each is doing at its end.
    public func retention(_ period: Period) async throws -> RetentionReport {
        let repositories = env.repositories
        let inPeriod = try await repositories.billingChanges.fetchBillingChanges(from: period.from, to: period.to)
        let bills = try await repositories.billingChanges.fetchBills(of: inPeriod, through: period.to)
        let arrangements = try await repositories.arrangements.fetchArrangements(accounts: nil).filter { period.contains($0.agreedOn) }
        let standings = try await env.arrangements.standings(arrangements, on: period.to)
        return RetentionReport(
            period: period, changes: inPeriod.map { ($0, bills[$0.id] ?? []) }, arrangements: standings.map { ($0.arrangement, $0.standing) })
    }
}

extension AppEnvironment {
    /// Billing-frequency changes and the retention report.
    public var billingChanges: BillingChangeUseCases { BillingChangeUseCases(env: self) }
}
