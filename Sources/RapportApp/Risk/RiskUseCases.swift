import RapportCore

/// The late-payment model the queue ranks by.
public struct RiskUseCases: Sendable {
    let env: AppEnvironment

    /// Trains the model on what was known on `day` (default today) and stores it.
    public func train(asOf day: Day? = nil) async throws -> RiskTraining.Result {
        let day = env.day(day)
        let repositories = env.repositories
        let invoices = try await repositories.riskModels.fetchTrainingInvoices(asOf: day)
        let accountIDs = Array(Set(invoices.map(\.accountID)))
        let accounts = Dictionary(uniqueKeysWithValues: try await repositories.accounts.fetchAccounts(accountIDs).map { ($0.id, $0) })
        let cases = try await repositories.cases.fetchCases(department: nil, status: nil, account: nil)
        let jobs = Dictionary(uniqueKeysWithValues: try await repositories.riskModels.fetchJobs().map { ($0.id, $0) })
        let result = RiskTraining.train(invoices: invoices, accounts: accounts, cases: cases, jobs: jobs, asOf: day)
        guard result.trainCount > 0 else { throw AppError.invalid("no invoice was due before \(day): nothing to learn from") }
        try await repositories.riskModels.saveModel(result)
        return result
    }

    /// The newest stored model.
    public func latest() async throws -> RiskTraining.Result {
        guard let result = try await env.repositories.riskModels.fetchLatestModel() else {
            throw AppError.notFound("no model trained yet: run rapport risk train")
        }
        return result
    }
}

extension AppEnvironment {
    /// The late-payment model.
    public var risk: RiskUseCases { RiskUseCases(env: self) }
}
