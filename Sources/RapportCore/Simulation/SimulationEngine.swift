/// The day-by-day simulation: customers are billed and pay (or hold payment over a problem), and
/// each working day every specialist works the top of the queue that Core's `Queue` builds from
/// the current state with the policy's playbook. Problems surface only through those touches (or
/// when a customer finally calls in), become cases routed and resolved under `CaseRouting` and
/// `CaseSLA`, and their resolution releases payment.
struct SimulationEngine {
    let parameters: SimulationParameters
    let company: SyntheticCompany
    /// The policy in force from each day on, earliest first.
    let schedule: [(from: Day, policy: SimulationPolicy)]
    /// The run's own stream, for what is drawn once before the first day (the jobs); everything
    /// drawn later comes from a keyed stream (`draws`), independent of the policy's actions.
    var random: SplitMix64
    var ledger: SimulatedLedger

    var bills: [SimulatedBill] = []
    var billByInvoice: [Invoice.ID: Int] = [:]
    var jobBill: [Int: Int] = [:]
    /// Per customer: billing frequency now (hardship may move it to monthly), first billing day,
    /// paid-invoice counts for the risk baseline, whether it left.
    var frequency: [Account.BillingFrequency]
    var billingFrom: [Day]
    var paidCounts: [(paid: Int, late: Int)]
    var cancelledOn: [Day?]
    var lastAnnualBill: [Int?]
    var paidTotal = (paid: 0, late: 0)
    /// Per specialist: open bills, jobs and cases worth showing the queue, recent touches.
    var openBills: [[Int]]
    var recentJobs: [[Int]]
    var liveCases: [[Int]]
    var recentTouches: [[Interaction]]
    var reviewed: Set<Account.ID> = []
    /// Scheduled work by day (days since the epoch).
    var payments: [Int: [(bill: Int, plan: Int, amount: Int64?)]] = [:]
    var billOffs: [Int: [Int]] = [:]
    var punchListsDone: [Int: [Int]] = [:]
    var caseResolutions: [Int: [Int]] = [:]
    var inboundCalls: [Int: [Int]] = [:]
    var caseBills: [Int: [Int]] = [:]
    var specialistIndex: [String: Int] = [:]
    var customersByBillingDay: [[Int]]
    var accountsOf: [[Account]]
    var billsOfCustomer: [[Int]]
    var childrenOf: [Account.ID: [Int]] = [:]
    var jobIndex: [Job.ID: Int] = [:]
    var jobPrice: [Int: Int64] = [:]
    var jobDeposit: [Int: Deposit] = [:]
    var caseResolveDay: [Int: Day] = [:]
    var reviews: [[CreditReview]]

    init(parameters: SimulationParameters, schedule: [(from: Day, policy: SimulationPolicy)]) {
        self.parameters = parameters
        self.schedule = schedule
        company = SyntheticCompany(parameters)
        random = SplitMix64(seed: parameters.seed ^ 0x5EED_5EED)
        let end = parameters.start.adding(months: parameters.months)
        ledger = SimulatedLedger(firstDay: parameters.start, lastDay: end.adding(days: -1))
        ledger.accounts = company.customers.map(\.account)
        ledger.locations = company.customers.map(\.location)
        ledger.specialists = company.specialists
        let count = company.customers.count
        frequency = company.customers.map(\.account.billingFrequency)
        billingFrom = company.customers.map(\.activeFrom)
        paidCounts = Array(repeating: (0, 0), count: count)
        cancelledOn = Array(repeating: nil, count: count)
        lastAnnualBill = Array(repeating: nil, count: count)
        let teams = company.specialists.count
        openBills = Array(repeating: [], count: teams)
        recentJobs = Array(repeating: [], count: teams)
        liveCases = Array(repeating: [], count: teams)
        recentTouches = Array(repeating: [], count: teams)
        for (index, name) in company.specialists.enumerated() { specialistIndex[name] = index }
        customersByBillingDay = Array(repeating: [], count: 29)
        accountsOf = Array(repeating: [], count: teams)
        reviews = Array(repeating: [], count: teams)
        billsOfCustomer = Array(repeating: [], count: count)
        for (index, customer) in company.customers.enumerated() {
            customersByBillingDay[customer.billingDay].append(index)
            accountsOf[specialistIndex[customer.account.specialist ?? ""] ?? 0].append(customer.account)
            if let parent = customer.account.parentID { childrenOf[parent, default: []].append(index) }
        }
    }

    /// Runs every day of the period and returns the ledger.
    mutating func run(progress: (Day) -> Void = { _ in }) -> SimulatedLedger {
        scheduleJobs()
        var day = ledger.firstDay
        while day <= ledger.lastDay {
            if day.dayOfMonth == 1 { progress(day) }
            let policy = self.policy(on: day)
            billRecurring(on: day)
            billOffJobs(on: day)
            completePunchLists(on: day)
            resolveCases(on: day, policy: policy)
            takeInboundCalls(on: day)
            receivePayments(on: day)
            if day.isWorkingDay { work(on: day, policy: policy) }
            day = day.adding(days: 1)
        }
        finish()
        return ledger
    }

    func policy(on day: Day) -> SimulationPolicy {
        schedule.last { $0.from <= day }?.policy ?? schedule.first?.policy ?? .traditional
    }

    func specialist(of customer: Int) -> Int {
        specialistIndex[company.customers[customer].account.specialist ?? ""] ?? 0
    }

    /// Records who left and who now pays monthly.
    mutating func finish() {
        for customer in ledger.accounts.indices { ledger.accounts[customer].billingFrequency = frequency[customer] }
        for (customer, day) in cancelledOn.enumerated() {
            if let day { ledger.disconnected[company.customers[customer].account.id] = day }
        }
    }
}

extension Day {
    /// Monday to Friday (1970-01-01 was a Thursday).
    var isWorkingDay: Bool { (daysSinceEpoch + 3) % 7 < 5 }
}

extension SimulationEngine {
    /// The keyed stream of `purpose` for `keys` (see `SplitMix64.init(seed:_:_:)`).
    func draws(_ purpose: DrawPurpose, _ keys: Int...) -> SplitMix64 {
        SplitMix64(seed: parameters.seed, purpose, keys)
    }

    /// The keyed stream of `purpose` for a bill.
    func draws(_ purpose: DrawPurpose, bill index: Int, _ more: Int...) -> SplitMix64 {
        SplitMix64(seed: parameters.seed, purpose, bills[index].drawKey + more)
    }
}

