import RapportCore

/// The facts the productivity report needs for a period.
public struct ProductivityData: Sendable {
    public var specialists: [String]
    /// Every touch logged in the period.
    public var touches: [Interaction]
    /// The collection start of each invoice those touches name.
    public var collectionStarts: [Invoice.ID: Day]
    /// Every case, with the specialist of its account.
    public var cases: [(specialist: String, item: Case)]
    /// Payments received in the period on each specialist's accounts.
    public var collected: [String: Money]
    /// Every promise, with the specialist of its account, and the payments that may keep them.
    public var promises: [(specialist: String, promise: PromiseToPay)]
    public var promisePayments: [Payment]
}

/// Reads what specialists did.
public protocol ProductivityRepository: Sendable {
    func fetchProductivityData(period: Period, currency: Currency) async throws -> ProductivityData
    /// The touches of the period that found an issue, and the collection start of each invoice they name.
    func fetchIssuesFound(period: Period) async throws -> (touches: [Interaction], collectionStarts: [Invoice.ID: Day])
}
