/// What one specialist did in a period: touches by channel and outcome, check-ins, issues found
/// early, cases opened and resolved on their accounts and how fast, money resolved and collected,
/// and promises kept.
public struct ProductivityReport: Hashable, Sendable {
    public var specialist: String
    public var period: Period
    /// Touches logged by the specialist in the period.
    public var touches: Int
    public var touchesByChannel: [Interaction.Channel: Int]
    public var touchesByOutcome: [Interaction.Outcome: Int]
    /// Check-in touches (purpose `check_in`).
    public var checkIns: Int
    /// Touches that found an issue before collections started: outcome `issue_found` on a touch
    /// about an invoice not yet at its collection start, or on a check-in or early contact.
    public var issuesFoundBeforeCollectionStart: Int
    /// Cases on the specialist's accounts opened in the period.
    public var casesOpened: Int
    /// Cases on the specialist's accounts resolved in the period.
    public var casesResolved: Int
    /// Median days from opening to resolution of the cases resolved in the period; nil with none.
    public var medianDaysToResolve: Double?
    /// Amount on hold of the cases resolved in the period.
    public var moneyResolved: Money
    /// Payments received on the specialist's accounts in the period.
    public var moneyCollected: Money
    /// Percent of promises due in the period that payments covered; nil with none due.
    public var promisesKeptPercent: Double?

    public init(
        specialist: String, period: Period, currency: Currency = .usd, touches: [Interaction],
        collectionStarts: [Invoice.ID: Day], cases: [Case], collected: Money, promises: [PromiseToPay] = [],
        payments: [Payment] = []
    ) {
        self.specialist = specialist
        self.period = period
        let inPeriod = { (day: Day) in day >= period.from && day <= period.to }
        let mine = touches.filter { $0.by == specialist && inPeriod($0.occurredOn) }
        self.touches = mine.count
        touchesByChannel = Dictionary(grouping: mine, by: \.channel).mapValues(\.count)
        touchesByOutcome = Dictionary(grouping: mine, by: \.outcome).mapValues(\.count)
        checkIns = mine.filter { $0.purpose == .checkIn }.count
        issuesFoundBeforeCollectionStart = mine.filter { EarlyFindings.isEarly($0, collectionStarts: collectionStarts) }.count
        casesOpened = cases.filter { inPeriod($0.openedOn) }.count
        let resolved = cases.filter { $0.resolvedOn.map(inPeriod) ?? false }
        casesResolved = resolved.count
        let durations = resolved.map { $0.resolvedOn!.days(since: $0.openedOn) }.sorted()
        if durations.isEmpty {
            medianDaysToResolve = nil
        } else if durations.count % 2 == 1 {
            medianDaysToResolve = Double(durations[durations.count / 2])
        } else {
            medianDaysToResolve = Double(durations[durations.count / 2 - 1] + durations[durations.count / 2]) / 2
        }
        moneyResolved = Money(
            minorUnits: resolved.filter { $0.amountOnHold.currency == currency }.reduce(0) { $0 + $1.amountOnHold.minorUnits },
            currency: currency)
        moneyCollected = collected
        let due = promises.filter { inPeriod($0.promisedFor) }
        if due.isEmpty {
            promisesKeptPercent = nil
        } else {
            let kept = due.filter { PromiseStatus.of($0, payments: payments, on: period.to) == .kept }
            promisesKeptPercent = Double(kept.count) / Double(due.count) * 100
        }
    }
}
