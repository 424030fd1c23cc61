import RapportCore

/// Stores trained late-payment models and reads the ledger history they are trained on.
public protocol RiskModelRepository: Sendable {
    /// Every invoice issued up to `asOf`, with the day it became fully paid.
    func fetchTrainingInvoices(asOf: Day) async throws -> [RiskTraining.InvoiceFacts]
    /// Jobs with their follow-up items.
    func fetchJobs() async throws -> [Job]
    func saveModel(_ result: RiskTraining.Result) async throws
    /// The newest trained model, if any.
    func fetchLatestModel() async throws -> RiskTraining.Result?
}
