import RapportCore

/// Promises to pay: recorded, then pending, kept or broken.
public struct PromiseUseCases: Sendable {
    let env: AppEnvironment

    /// A promise and its status on the day asked for.
    public struct Standing: Sendable {
        public var promise: PromiseToPay
        public var status: PromiseStatus
    }

    /// Records a customer's promise to pay `amount` (decimal text in `currency`) by `promisedFor`.
    public func add(
        account: Account.ID, amount: String, currency: String, promisedFor: Day, invoice: Invoice.ID? = nil, madeOn: Day? = nil,
        id: String? = nil
    ) async throws -> PromiseToPay {
        let made = env.day(madeOn)
        let money = try Money.parse(amount, currency: try Currency(currency))
        try RequestRules.checkPromise(amount: money, madeOn: made, promisedFor: promisedFor)
        _ = try await env.requireAccount(account)
        if let invoice { _ = try await env.requireInvoice(invoice, of: account) }
        let number = try await env.newID(id, .promise, noun: "promise") { _ in false }
        let promise = PromiseToPay(
            id: PromiseToPay.ID(number), accountID: account, invoiceID: invoice, amount: money, madeOn: made, promisedFor: promisedFor)
        try await env.repositories.promises.insertPromise(promise)
        try await env.audit.record("promise.add", entity: "promise", id: promise.id.rawValue, after: AuditEvent.fields([
            "account": account.rawValue, "invoice": invoice?.rawValue, "amount": money.decimalString, "currency": money.currency.code,
            "made_on": made.isoString, "promised_for": promisedFor.isoString,
        ]))
        return promise
    }

    /// The promises made by `day` (default today), of one account or all, with their status that day.
    public func list(account: Account.ID? = nil, asOf day: Day? = nil) async throws -> [Standing] {
        let day = env.day(day)
        let repository = env.repositories.promises
        let promises = try await repository.fetchPromises(accounts: account.map { [$0] }).filter { $0.madeOn <= day }
        var payments: [Payment] = []
        if let earliest = promises.map(\.madeOn).min() {
            payments = try await repository.fetchPayments(accounts: Array(Set(promises.map(\.accountID))), from: earliest)
        }
        return promises.map { Standing(promise: $0, status: PromiseStatus.of($0, payments: payments, on: day)) }
    }
}

extension AppEnvironment {
    /// Promises to pay.
    public var promises: PromiseUseCases { PromiseUseCases(env: self) }
}
