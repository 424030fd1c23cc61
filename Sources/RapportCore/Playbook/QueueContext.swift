/// A task a rule proposes before it is checked against what was already done.
struct QueueCandidate {
    var accountID: Account.ID
    var invoiceID: Invoice.ID?
    var jobID: Job.ID?
    var caseID: Case.ID?
    var dueOn: Day
    var atStake: Money
    var reason: QueueReason

    init(
        accountID: Account.ID, invoiceID: Invoice.ID? = nil, jobID: Job.ID? = nil, caseID: Case.ID? = nil, dueOn: Day,
        atStake: Money, reason: QueueReason
    ) {
        self.accountID = accountID
        self.invoiceID = invoiceID
        self.jobID = jobID
        self.caseID = caseID
        self.dueOn = dueOn
        self.atStake = atStake
        self.reason = reason
    }
}

/// The queue input indexed for the rules: look-ups by account, invoice and job.
struct QueueContext {
    let day: Day
    /// The input's accounts, first of each id, in input order.
    let accounts: [Account]
    private let accountIndex: [Account.ID: Int]
    /// Every invoice of the input; rules skip those issued after the day.
    let invoices: [QueueInvoice]
    let jobs: [Job]
    let cases: [Case]
    let promises: [PromiseToPay]
    let arrangements: [PaymentArrangement]
    let reviewed: Set<Account.ID>
    let depositJobs: Set<Job.ID>
    /// Positions in `jobs` and `cases`.
    private let jobByID: [Job.ID: Int]
    private let casesByInvoice: [Invoice.ID: [Int]]
    private let interactions: [Interaction]
    /// Per account, the latest touch on or before the day (by day, then id) that named a next contact day.
    let latestCallBacks: [Interaction]
    /// Positions in `interactions` of the touches on or before the day, by account position.
    private let interactionsByAccount: [[Int]]
    private let paymentsByAccount: [Account.ID: [Payment]]
    private let allocationsByInvoice: [Invoice.ID: [Allocation]]
    /// Open amounts by account position, one per currency (sorted by code); never summed across currencies.
    private let openByAccount: [OpenAmounts]
    private let openByJob: [Job.ID: OpenAmounts]

    init(_ input: QueueInput) {
        day = input.day
        var accountIndex: [Account.ID: Int] = [:]
        accountIndex.reserveCapacity(input.accounts.count)
        var firsts: [Int] = []
        for index in input.accounts.indices where accountIndex[input.accounts[index].id] == nil {
            accountIndex[input.accounts[index].id] = firsts.count
            firsts.append(index)
        }
        self.accountIndex = accountIndex
        // Usually every id is there once: keep the input's array instead of copying it.
        accounts = firsts.count == input.accounts.count ? input.accounts : firsts.map { input.accounts[$0] }
        invoices = input.invoices
        jobs = input.jobs
        // Only what existed on the day: a queue for a past day must not see later cases, promises,
        // reviews, deposits or arrangements.
        let day = input.day
        cases = input.cases.allSatisfy { $0.openedOn <= day } ? input.cases : input.cases.filter { $0.openedOn <= day }
        promises = input.promises.filter { $0.madeOn <= day }
        arrangements = input.arrangements.filter { $0.agreedOn <= day }
        reviewed = Set(input.creditReviews.filter { $0.reviewedOn <= day }.map(\.accountID))
        depositJobs = Set(input.deposits.filter { $0.receivedOn <= day }.map(\.jobID))
        var jobPositions: [Job.ID: Int] = [:]
        for index in input.jobs.indices where jobPositions[input.jobs[index].id] == nil { jobPositions[input.jobs[index].id] = index }
        jobByID = jobPositions
        var byInvoice: [Invoice.ID: [Int]] = [:]
        for index in cases.indices { for invoice in cases[index].invoiceIDs { byInvoice[invoice, default: []].append(index) } }
        casesByInvoice = byInvoice
        interactions = input.interactions
        var touches = [[Int]](repeating: [], count: accounts.count)
        for index in input.interactions.indices where input.interactions[index].occurredOn <= input.day {
            if let position = accountIndex[input.interactions[index].accountID] { touches[position].append(index) }
        }
        interactionsByAccount = touches
        var callBacks: [Account.ID: Interaction] = [:]
        for touch in input.interactions where touch.nextContactOn != nil && touch.occurredOn <= input.day {
            if let seen = callBacks[touch.accountID], (seen.occurredOn, seen.id) >= (touch.occurredOn, touch.id) { continue }
            callBacks[touch.accountID] = touch
        }
        latestCallBacks = callBacks.values.sorted { $0.id < $1.id }
        paymentsByAccount = Dictionary(grouping: input.payments, by: \.accountID)
        allocationsByInvoice = Dictionary(grouping: input.arrangementAllocations, by: \.invoiceID)
        var byAccount = [OpenAmounts](repeating: OpenAmounts(), count: accounts.count)
        var byJob: [Job.ID: OpenAmounts] = [:]
        for invoice in invoices where invoice.open.isPositive && invoice.issueDate <= input.day {
            if let position = accountIndex[invoice.accountID] { byAccount[position].add(invoice.open) }
            if let job = invoice.jobID { byJob[job, default: OpenAmounts()].add(invoice.open) }
        }
        openByAccount = byAccount
        openByJob = byJob
    }


    /// The account's segment, nil for an account the input does not have.
    func segment(of id: Account.ID) -> Account.Segment? { accountIndex[id].map { accounts[$0].segment } }

    /// Whether the account has `flag`.
    func has(_ flag: Account.Flag, _ id: Account.ID) -> Bool { accountIndex[id].map { accounts[$0].flags.contains(flag) } ?? false }

    /// The accounts with `flag`, without copying the others.
    func accounts(flagged flag: Account.Flag) -> [Account] {
        accounts.indices.filter { accounts[$0].flags.contains(flag) }.map { accounts[$0] }
    }

    /// The account's touches on or before the day that pass `filter`.
    func touches(_ account: Account.ID, where filter: (Interaction) -> Bool) -> [Interaction] {
        guard let position = accountIndex[account] else { return [] }
        let positions = interactionsByAccount[position]
        var found: [Interaction] = []
        for position in positions where filter(interactions[position]) { found.append(interactions[position]) }
        return found
    }

    /// What is open on the account, one amount per currency (zero USD when nothing is open).
    func openOfAccount(_ account: Account.ID) -> [Money] {
        let open = accountIndex[account].map { openByAccount[$0].amounts } ?? []
        return open.isEmpty ? [.zero(.usd)] : open
    }

    /// What is open on the job's invoices, one amount per currency (zero USD when nothing is open).
    func openOfJob(_ job: Job.ID) -> [Money] {
        let open = openByJob[job]?.amounts ?? []
        return open.isEmpty ? [.zero(.usd)] : open
    }

    /// Collection contacts wait while the invoice's job has open follow-ups or a case holds it on the day.
    func isPaused(_ invoice: QueueInvoice) -> Bool {
        if let job = invoice.jobID.flatMap({ jobByID[$0] }), jobs[job].followUps.contains(where: { $0.isOpen(on: day) }) { return true }
        return (casesByInvoice[invoice.id] ?? []).contains { cases[$0].isActive(on: day) }
    }

    /// The latest day on or before the queue day a case holding the invoice was resolved, if any.
    func lastResolution(of invoice: Invoice.ID) -> Day? {
        (casesByInvoice[invoice] ?? []).compactMap { cases[$0].resolvedOn }.filter { $0 <= day }.max()
    }

    /// Whether payments on the account from the promise's day to its due day cover the amount.
    func isKept(_ promise: PromiseToPay) -> Bool {
        PromiseStatus.of(promise, payments: paymentsByAccount[promise.accountID] ?? [], on: day) == .kept
    }

    /// The latest installment due by the day while the payments leave it uncovered (each new miss
    /// is a new task), and how much of what is due is unpaid; nil while on track or completed.
    func missedInstallment(_ arrangement: PaymentArrangement) -> (installment: PaymentArrangement.Installment, unpaid: Money)? {
        let standing = ArrangementPlan.standing(
            arrangement, payments: paymentsByAccount[arrangement.accountID] ?? [],
            allocations: arrangement.invoiceIDs.flatMap { allocationsByInvoice[$0] ?? [] }, on: day)
        guard standing.state == .behind, let latest = arrangement.installments.last(where: { $0.dueOn <= day }) else { return nil }
        return (latest, Money(minorUnits: standing.due.minorUnits - standing.paid.minorUnits, currency: standing.due.currency))
    }

    /// The day of the account's latest touch with `purpose`.
    func lastTouch(_ account: Account.ID, purpose: Interaction.Purpose) -> Day? {
        touches(account) { $0.purpose == purpose && $0.outcome.reachedCustomer }.map(\.occurredOn).max()
    }

    /// The latest touch with `purpose` on or after `since` that reached the customer about `invoice`.
    func lastReach(_ account: Account.ID, invoice: Invoice.ID, purpose: Interaction.Purpose, since: Day) -> Day? {
        touches(account) { $0.purpose == purpose && $0.occurredOn >= since && $0.outcome.reachedCustomer && $0.invoiceID == invoice }
            .map(\.occurredOn).max()
    }

    /// How many failed attempts a candidate has, or nil when it is done (a touch with the rule's
    /// purpose reached the customer on or after the due day) or waiting for its retry day.
    func openAttempts(rule: PlaybookRule, candidate: QueueCandidate) -> Int? {
        let touches = touches(candidate.accountID) { touch in
            touch.purpose == rule.purpose && touch.occurredOn >= candidate.dueOn
                && (touch.invoiceID == nil || candidate.invoiceID == nil || touch.invoiceID == candidate.invoiceID)
        }.sorted { ($0.occurredOn, $0.id) < ($1.occurredOn, $1.id) }
        if touches.contains(where: { $0.outcome.reachedCustomer }) { return nil }
        if let last = touches.last, day < last.occurredOn.adding(days: rule.retryDays) { return nil }
        return touches.count
    }
}

extension Interaction.Outcome {
    /// Whether the touch reached the customer (no answer and a left message do not).
    public var reachedCustomer: Bool { self != .noAnswer && self != .leftMessage }
}

/// Open money per currency, never summed across currencies. The first currency is kept inline,
/// so the usual single-currency account or job costs no allocation while the queue is indexed.
struct OpenAmounts {
    private var first: Money?
    private var others: [Money] = []

    /// Adds `money` to its currency's amount.
    mutating func add(_ money: Money) {
        guard let current = first else { first = money; return }
        if current.currency == money.currency {
            first = Money(minorUnits: current.minorUnits + money.minorUnits, currency: money.currency)
        } else if let index = others.firstIndex(where: { $0.currency == money.currency }) {
            others[index] = Money(minorUnits: others[index].minorUnits + money.minorUnits, currency: money.currency)
        } else {
            others.append(money)
        }
    }

    /// One amount per currency, sorted by currency code.
    var amounts: [Money] {
        guard let first else { return [] }
        return others.isEmpty ? [first] : ([first] + others).sorted { $0.currency.code < $1.currency.code }
    }
}
