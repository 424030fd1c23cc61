/// One customer of the synthetic company: the account and how it behaves.
public struct SyntheticCustomer: Hashable, Sendable {
    public var account: Account
    public var location: Location
    /// The monitoring contract's monthly fee, in minor units.
    public var monthlyFee: Int64
    /// Day of the month (1–28) the recurring bill is issued; the billing year starts in `billingMonth`.
    public var billingDay: Int
    public var billingMonth: Int
    /// Pays only when reminded (or very late).
    public var procrastinator: Bool
    /// On a fixed income: cannot pay an annual bill at once.
    public var fixedIncome: Bool
    /// The first active day (new clients open during the run, starting with an installation).
    public var activeFrom: Day
}

/// The synthetic company of the simulator and the demo, generated deterministically from the
/// parameters' seed: segments, billing frequencies, multi-location key accounts, new clients and
/// specialists, in the proportions `SimulationParameters` documents.
public struct SyntheticCompany: Sendable {
    public var customers: [SyntheticCustomer]
    public var specialists: [String]

    /// The specialists' names, in order; beyond these, `specialist9`, `specialist10`, ….
    static let names = ["ana", "ben", "carla", "dev", "eli", "fay", "gus", "hana"]

    public init(_ parameters: SimulationParameters) {
        var random = SplitMix64(seed: parameters.seed)
        specialists = (0..<max(1, parameters.specialists)).map { $0 < Self.names.count ? Self.names[$0] : "specialist\($0 + 1)" }
        let newClients = Int((Double(parameters.accounts) * parameters.newClientShare).rounded())
        let total = parameters.accounts + newClients
        let runDays = parameters.start.adding(months: parameters.months).days(since: parameters.start)
        customers = []
        customers.reserveCapacity(total)
        var family = 0
        var childrenLeft = 0
        var parentID: Account.ID?
        for index in 0..<total {
            let id = Account.ID(Self.number("C", index + 1))
            let isNew = index >= parameters.accounts
            var segment: Account.Segment = random.pick(parameters.segmentShares)
            var flags: Set<Account.Flag> = []
            var parent: Account.ID?
            if childrenLeft > 0, let parentID {
                parent = parentID
                segment = .commercial
                childrenLeft -= 1
            } else {
                family += 1
                parentID = nil
                if !isNew, random.chance(parameters.keyAccountShare) {
                    flags.insert(.keyAccount)
                    segment = random.chance(parameters.governmentKeyAccountShare) ? .government : .commercial
                    parentID = id
                    childrenLeft = random.draw(parameters.childrenPerKeyAccount)
                }
            }
            let frequency: Account.BillingFrequency = random.pick(parameters.frequencyShares)
            let activeFrom = isNew ? parameters.start.adding(days: random.draw(0...max(0, runDays - 60))) : parameters.start
            if isNew { flags.insert(.newClient) }
            if isNew && segment == .contractor { flags.insert(.newContractor) }
            let fixedIncome = segment == .residential && frequency == .annual
                && random.chance(min(1, parameters.hardshipRate * parameters.problemRateScale))
            if fixedIncome { flags.insert(.hardship) }
            let specialist = specialists[(family - 1) % specialists.count]
            let account = Account(
                id: id, name: "\(segment.rawValue.prefix(1).uppercased())\(segment.rawValue.dropFirst()) customer \(index + 1)", segment: segment, parentID: parent,
                billingFrequency: frequency, specialist: specialist, flags: flags,
                openedOn: isNew ? activeFrom : parameters.start.adding(days: -random.draw(200...3_000)))
            customers.append(SyntheticCustomer(
                account: account,
                location: Location(id: Location.ID(Self.number("L", index + 1)), accountID: id, name: "Site \(index + 1)"),
                monthlyFee: random.draw(parameters.monthlyFee[segment]!), billingDay: random.draw(1...28),
                billingMonth: random.draw(1...12), procrastinator: random.chance(parameters.procrastinatorShare),
                fixedIncome: fixedIncome, activeFrom: activeFrom))
        }
    }

    /// "C000001": a prefix and a zero-padded number.
    static func number(_ prefix: String, _ value: Int) -> String {
        let digits = String(value)
        return prefix + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }
}
