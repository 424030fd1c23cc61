/// Everything the simulator assumes, in one place. Values marked "case study" come from it; the
/// rest are Rapport's documented assumptions (docs/simulator.md), some fitted once so that the
/// traditional policy lands near the case study's DSO of 44.
///
/// Codable: `rapport simulate --export-parameters` writes them as JSON, `--parameters FILE` reads
/// an edited copy back (every key required).
public struct SimulationParameters: Hashable, Sendable, Codable {
    /// Active accounts at the start (case study: 20,000).
    public var accounts = 20_000
    /// Simulated months; metrics are measured over the last 12.
    public var months = 24
    /// The first simulated day.
    public var start = Day(daysSinceEpoch: 19_358)   // 2023-01-01
    public var seed: UInt64 = 1
    /// Client-relations specialists (case study: four) and the touches each makes per working day.
    public var specialists = 4
    public var touchesPerDay = 70
    /// The check-in after a job is billed off (case study: 8 days).
    public var checkInDays = 8
    /// Multiplies every problem rate (the sensitivity table runs ×0.5 to ×2).
    public var problemRateScale = 1.0

    // MARK: The company

    /// Share of accounts per segment: residential, commercial, government, contractor.
    public var segmentShares: [Account.Segment: Double] = [.residential: 0.70, .commercial: 0.20, .government: 0.04, .contractor: 0.06]
    /// Share of accounts billed monthly, quarterly and annually.
    public var frequencyShares: [Account.BillingFrequency: Double] = [.monthly: 0.70, .quarterly: 0.12, .annual: 0.18]
    /// Monthly monitoring fee range per segment, in cents.
    public var monthlyFee: [Account.Segment: ClosedRange<Int64>] = [
        .residential: 2_900...5_900, .commercial: 8_000...40_000, .government: 15_000...90_000, .contractor: 5_000...20_000,
    ]
    /// Installation price range per segment, in cents.
    public var installationPrice: [Account.Segment: ClosedRange<Int64>] = [
        .residential: 90_000...450_000, .commercial: 300_000...2_500_000, .government: 500_000...6_000_000,
        .contractor: 200_000...1_500_000,
    ]
    /// Service-call price range, in cents.
    public var servicePrice: ClosedRange<Int64> = 15_000...90_000
    /// Chance per account per month of an installation job, and of a service job.
    public var installationsPerAccountMonth = 0.015
    public var servicesPerAccountMonth = 0.02
    /// Days from a job's start to billed off (at about 95 % complete, case study).
    public var daysToBillOff: ClosedRange<Int> = 5...20
    /// Share of accounts that open during the run as new clients (an installation with a deposit first).
    public var newClientShare = 0.08
    /// New clients' deposit, in percent of the installation price (case study: 50).
    public var depositPercent = 50
    /// Share of accounts that head a multi-location key account, and its children per parent.
    public var keyAccountShare = 0.01
    public var childrenPerKeyAccount: ClosedRange<Int> = 2...8
    /// Share of key accounts that are government (the rest commercial).
    public var governmentKeyAccountShare = 0.3
    /// The credit limit a new contractor's credit review approves, in cents (made up: the
    /// simulator records the review but no rule reads the limit).
    public var newContractorCreditLimit: Int64 = 1_000_000

    // MARK: Customers

    /// Days from issue to payment of a problem-free invoice, per segment (government: slow approvals).
    public var paymentDelay: [Account.Segment: ClosedRange<Int>] = [
        .residential: 3...34, .commercial: 12...48, .government: 35...80, .contractor: 12...52,
    ]
    /// Share of customers who pay only when reminded: 2–7 days after a reminder reaches them,
    /// otherwise `unremindedDelay` days after issue.
    public var procrastinatorShare = 0.20
    public var unremindedDelay: ClosedRange<Int> = 55...100
    public var payAfterReminder: ClosedRange<Int> = 2...7
    /// Chance that a touch reaches the customer; a reached customer with a problem mentions it.
    public var reachChance = 0.65
    public var raiseChance = 0.9
    /// Of the touches that reach nobody, the share logged as no answer (the rest: left a message).
    public var noAnswerShare = 0.5
    /// Days from a problem's resolution to payment (never before the customer's usual day).
    public var payAfterResolution: ClosedRange<Int> = 2...8
    /// A customer nobody asks calls in about a problem this many days after the invoice.
    public var inboundRaiseDelay: ClosedRange<Int> = 45...90
    /// Share of installations billed off with a punch list still open (case study: billed off at ~95 %).
    public var punchListShare = 0.9
    /// Days Installation takes to finish a billed-off job's punch list when nobody escalates.
    public var punchListDays: ClosedRange<Int> = 30...100

    // MARK: Problems (per invoice unless noted; scaled by `problemRateScale`)

    /// Installation invoices whose customer holds payment until the punch list is done (at most
    /// `punchListShare`).
    public var incompleteInstallationRate = 0.5
    /// Invoices with a wrong amount; the credit memo is this share of the invoice.
    public var billingErrorRate = 0.025
    public var billingErrorShare: ClosedRange<Int> = 10...40
    /// Key-account child invoices whose customer needs per-location detail before paying.
    public var billingDetailRate = 0.30
    /// Recurring invoices billing a service the customer cancelled through Sales; the credit memo
    /// that corrects one is this share of the invoice, in percent.
    public var unrecordedChangeRate = 0.01
    public var cancelledServiceCreditPercent: ClosedRange<Int> = 50...100
    /// Service-job invoices with a complaint about the service.
    public var serviceQualityRate = 0.12
    /// Annually billed residential accounts on a fixed income (per account).
    public var hardshipRate = 0.15
    /// Without a billing change, a hardship customer pays the annual bill in thirds, 60, 120 and 180
    /// days after issue, and cancels at renewal with this chance.
    public var hardshipCancelChance = 0.4
    /// Days from issue to payment of a hardship customer's re-billed monthly invoice.
    public var rebilledHardshipPaymentDays: ClosedRange<Int> = 2...12

    // MARK: Departments

    /// Share of cases a department resolves late, after its SLA, by up to as many days again.
    public var lateCaseShare = 1.0 / 7

    public init() {}

    /// Scales the specialists' daily touches to a company of `accounts` so that each carries the
    /// case study's load (70 touches a day per specialist at 20,000 accounts; at least 5).
    public mutating func scaleCapacity(toAccounts accounts: Int) {
        touchesPerDay = max(5, Int((Double(touchesPerDay) * Double(accounts) / 20_000).rounded()))
    }
}

extension Account.Segment: CodingKeyRepresentable {}
extension Account.BillingFrequency: Codable, CodingKeyRepresentable {}
