/// Everything about one account (and its child accounts) on one page, as of a day: balances per
/// currency, open invoices by location with their aging, jobs with open follow-ups, open cases,
/// promises and arrangements with their standing, who to call, and one timeline of everything.
public struct AccountOverview: Sendable {
    /// One open invoice as the page lists it.
    public struct OpenInvoice: Hashable, Sendable {
        public var invoiceID: Invoice.ID
        public var accountID: Account.ID
        public var issueDate: Day
        public var dueDate: Day
        public var total: Money
        public var open: Money
        public var daysPastDue: Int
        /// The aging bucket by due date ("current", "1-30", …).
        public var bucket: String
    }

    /// The open invoices billed at one location (nil: lines without a location).
    public struct LocationGroup: Hashable, Sendable {
        public var accountID: Account.ID
        public var locationID: Location.ID?
        public var name: String
        public var invoices: [OpenInvoice]
    }

    /// One event of the timeline.
    public struct Event: Hashable, Sendable {
        public enum Kind: String, Sendable {
            case invoice, payment, creditMemo = "credit_memo", deposit, touch, caseOpened = "case_opened"
            case caseResolved = "case_resolved", promise, arrangement, changeRequest = "change_request"
            case billingChange = "billing_change"
        }

        public var day: Day
        public var kind: Kind
        public var accountID: Account.ID
        /// The id of what happened (invoice, payment, touch, case …).
        public var id: String
        /// What happened, in words.
        public var summary: String
        public var amount: Money?
    }

    /// The raw material, as the store loads it for the account's family.
    public struct Input: Sendable {
        public var accountID: Account.ID
        public var asOf: Day
        /// The family, root first.
        public var accounts: [Account]
        public var ledgers: [LedgerReport]
        /// The open invoices with their lines (for the locations).
        public var openInvoices: [Invoice]
        public var locations: [Location]
        public var jobs: [Job]
        public var cases: [Case]
        public var contacts: [Contact]
        public var interactions: [Interaction]
        public var payments: [Payment]
        public var creditMemos: [CreditMemo]
        public var deposits: [Deposit]
        public var promises: [PromiseToPay]
        public var arrangements: [PaymentArrangement]
        /// Payment allocations to the arranged invoices.
        public var arrangementAllocations: [Allocation]
        public var changeRequests: [ChangeRequest]
        public var billingChanges: [BillingChange]

        public init(
            accountID: Account.ID, asOf: Day, accounts: [Account], ledgers: [LedgerReport], openInvoices: [Invoice] = [],
            locations: [Location] = [], jobs: [Job] = [], cases: [Case] = [], contacts: [Contact] = [],
            interactions: [Interaction] = [], payments: [Payment] = [], creditMemos: [CreditMemo] = [], deposits: [Deposit] = [],
            promises: [PromiseToPay] = [], arrangements: [PaymentArrangement] = [], arrangementAllocations: [Allocation] = [],
            changeRequests: [ChangeRequest] = [], billingChanges: [BillingChange] = []
        ) {
            self.accountID = accountID
            self.asOf = asOf
            self.accounts = accounts
            self.ledgers = ledgers
            self.openInvoices = openInvoices
            self.locations = locations
            self.jobs = jobs
            self.cases = cases
            self.contacts = contacts
            self.interactions = interactions
            self.payments = payments
            self.creditMemos = creditMemos
            self.deposits = deposits
            self.promises = promises
            self.arrangements = arrangements
            self.arrangementAllocations = arrangementAllocations
            self.changeRequests = changeRequests
            self.billingChanges = billingChanges
        }
    }

    public var accountID: Account.ID
    public var asOf: Day
    /// The family, root first.
    public var accounts: [Account]
    /// What the family owes, one amount per currency (negative: credit), sorted by currency.
    public var balances: [Money]
    public var openByLocation: [LocationGroup]
    /// Jobs with follow-up items still open on the day, with only those items.
    public var jobsWithOpenFollowUps: [Job]
    /// Cases holding up payment on the day.
    public var openCases: [Case]
    /// Every case of the family opened by the day, whatever its status.
    public var allCases: [Case]
    public var promises: [(promise: PromiseToPay, status: PromiseStatus)]
    public var arrangements: [(arrangement: PaymentArrangement, standing: ArrangementPlan.Standing)]
    /// Add-ons and cancellations reported by the day: open ones first, then by effective day.
    public var changeRequests: [ChangeRequest]
    /// Moves from annual to monthly billing recorded by the day, oldest first.
    public var billingChanges: [BillingChange]
    public var whoToCall: WhoToCallSheet
    /// Newest first (ties: by kind, then the later id first).
    public var timeline: [Event]

    /// Builds the page from `input`, aging open invoices into `buckets` by due date.
    public init(_ input: Input, buckets: AgingBuckets = .standard) {
        let day = input.asOf
        accountID = input.accountID
        asOf = day
        accounts = input.accounts
        var totals: [Currency: Int64] = [:]
        for ledger in input.ledgers { for (currency, balance) in ledger.balances { totals[currency, default: 0] += balance.minorUnits } }
        balances = totals.map { Money(minorUnits: $1, currency: $0) }.sorted { $0.currency.code < $1.currency.code }
        openByLocation = Self.groups(input, buckets: buckets)
        jobsWithOpenFollowUps = input.jobs.compactMap { job in
            var open = job
            open.followUps = job.openFollowUps(on: day)
            return open.followUps.isEmpty ? nil : open
        }.sorted { $0.id < $1.id }
        allCases = input.cases.filter { $0.openedOn <= day }.sorted { ($0.openedOn, $0.id) < ($1.openedOn, $1.id) }
        openCases = input.cases.filter { $0.isActive(on: day) }.sorted { ($0.openedOn, $0.id) < ($1.openedOn, $1.id) }
        let visiblePayments = input.payments.filter { $0.receivedOn <= day }
        promises = input.promises.filter { $0.madeOn <= day }.sorted { ($0.madeOn, $0.id) < ($1.madeOn, $1.id) }
            .map { ($0, PromiseStatus.of($0, payments: visiblePayments, on: day)) }
        arrangements = input.arrangements.filter { $0.agreedOn <= day }.sorted { ($0.agreedOn, $0.id) < ($1.agreedOn, $1.id) }
            .map { ($0, ArrangementPlan.standing($0, payments: visiblePayments, allocations: input.arrangementAllocations, on: day)) }
        changeRequests = input.changeRequests.filter { $0.reportedOn <= day }.sorted { a, b in
            (a.appliedOn.map { $0 <= day } == true ? 1 : 0, a.effectiveOn, a.id) < (b.appliedOn.map { $0 <= day } == true ? 1 : 0, b.effectiveOn, b.id)
        }
        billingChanges = input.billingChanges.filter { $0.recordedOn <= day }.sorted { ($0.recordedOn, $0.id) < ($1.recordedOn, $1.id) }
        let names = Dictionary(input.locations.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        whoToCall = WhoToCallSheet(accountID: input.accountID, accounts: input.accounts, contacts: input.contacts, locationNames: names)
        timeline = Self.timeline(input)
    }

    /// "call check_in by kim: issue_found (job J1, contact K2, satisfaction 2/5, next contact 2024-07-01) — notes".
    static func summary(of touch: Interaction) -> String {
        let details = [
            touch.jobID.map { "job \($0)" }, touch.contactID.map { "contact \($0)" }, touch.satisfaction.map { "satisfaction \($0)/5" },
            touch.nextContactOn.map { "next contact \($0)" },
        ].compactMap { $0 }
        return "\(touch.channel.rawValue) \(touch.purpose.rawValue) by \(touch.by): \(touch.outcome.rawValue)"
            + (details.isEmpty ? "" : " (\(details.joined(separator: ", ")))") + (touch.notes.isEmpty ? "" : " — \(touch.notes)")
    }

    private static func groups(_ input: Input, buckets: AgingBuckets) -> [LocationGroup] {
        let lines = Dictionary(input.openInvoices.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let names = Dictionary(input.locations.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var groups: [String: LocationGroup] = [:]
        for ledger in input.ledgers {
            for line in ledger.invoices where line.open.isPositive {
                // An invoice is listed at the location of its first line that has one.
                let location = lines[line.invoiceID]?.lines.lazy.compactMap(\.locationID).first
                let key = ledger.accountID.rawValue + "\u{1F}" + (location?.rawValue ?? "")
                let entry = OpenInvoice(
                    invoiceID: line.invoiceID, accountID: ledger.accountID, issueDate: line.issueDate, dueDate: line.dueDate,
                    total: line.total, open: line.open, daysPastDue: line.daysPastDue,
                    bucket: buckets.labels[buckets.index(daysPast: line.daysPastDue)])
                groups[key, default: LocationGroup(
                    accountID: ledger.accountID, locationID: location, name: location.flatMap { names[$0] } ?? "No location", invoices: [])
                ].invoices.append(entry)
            }
        }
        let order = Dictionary(input.accounts.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        return groups.values.map { group in
            var sorted = group
            sorted.invoices.sort { ($0.dueDate, $0.invoiceID) < ($1.dueDate, $1.invoiceID) }
            return sorted
        }.sorted {
            (order[$0.accountID] ?? .max, $0.locationID?.rawValue ?? "\u{10FFFF}") < (order[$1.accountID] ?? .max, $1.locationID?.rawValue ?? "\u{10FFFF}")
        }
    }

    private static func timeline(_ input: Input) -> [Event] {
        let day = input.asOf
        var events: [Event] = []
        for ledger in input.ledgers {
            for line in ledger.invoices {
                events.append(Event(day: line.issueDate, kind: .invoice, accountID: ledger.accountID, id: line.invoiceID.rawValue,
                                    summary: "Invoice \(line.invoiceID) issued, due \(line.dueDate)", amount: line.total))
            }
        }
        for payment in input.payments where payment.receivedOn <= day {
            events.append(Event(day: payment.receivedOn, kind: .payment, accountID: payment.accountID, id: payment.id.rawValue,
                                summary: "Payment \(payment.id) received" + (payment.invoiceID.map { " for \($0)" } ?? ""), amount: payment.amount))
        }
        for memo in input.creditMemos where memo.issuedOn <= day {
            events.append(Event(day: memo.issuedOn, kind: .creditMemo, accountID: memo.accountID, id: memo.id.rawValue,
                                summary: "Credit memo \(memo.id)" + (memo.reason.isEmpty ? "" : ": \(memo.reason)"), amount: memo.amount))
        }
        for deposit in input.deposits where deposit.receivedOn <= day {
            events.append(Event(day: deposit.receivedOn, kind: .deposit, accountID: deposit.accountID, id: deposit.id.rawValue,
                                summary: "Deposit \(deposit.id) for job \(deposit.jobID)", amount: deposit.amount))
        }
        for touch in input.interactions where touch.occurredOn <= day {
            events.append(Event(day: touch.occurredOn, kind: .touch, accountID: touch.accountID, id: touch.id.rawValue,
                                summary: Self.summary(of: touch), amount: nil))
        }
        for item in input.cases where item.openedOn <= day {
            events.append(Event(day: item.openedOn, kind: .caseOpened, accountID: item.accountID, id: item.id.rawValue,
                                summary: "Case \(item.id) opened: \(item.category.rawValue), routed to \(item.department.rawValue)",
                                amount: item.amountOnHold))
            if let resolved = item.resolvedOn, resolved <= day {
                events.append(Event(day: resolved, kind: .caseResolved, accountID: item.accountID, id: item.id.rawValue,
                                    summary: "Case \(item.id) resolved" + (item.rootCause.map { ": \($0)" } ?? ""), amount: nil))
            }
        }
        for promise in input.promises where promise.madeOn <= day {
            events.append(Event(day: promise.madeOn, kind: .promise, accountID: promise.accountID, id: promise.id.rawValue,
                                summary: "Promise \(promise.id) to pay by \(promise.promisedFor)", amount: promise.amount))
        }
        for arrangement in input.arrangements where arrangement.agreedOn <= day {
            let total = arrangement.installments.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
            events.append(Event(day: arrangement.agreedOn, kind: .arrangement, accountID: arrangement.accountID, id: arrangement.id.rawValue,
                                summary: "Arrangement \(arrangement.id): \(arrangement.installments.count) installments",
                                amount: arrangement.installments.first.map { Money(minorUnits: total, currency: $0.amount.currency) }))
        }
        for change in input.changeRequests where change.reportedOn <= day {
            events.append(Event(day: change.reportedOn, kind: .changeRequest, accountID: change.accountID, id: change.id.rawValue,
                                summary: "\(change.kind.rawValue) of \(change.service) from \(change.effectiveOn), reported by \(change.reportedBy.rawValue)",
                                amount: nil))
        }
        for change in input.billingChanges where change.recordedOn <= day {
            events.append(Event(day: change.recordedOn, kind: .billingChange, accountID: change.accountID, id: change.id.rawValue,
                                summary: "Invoice \(change.invoiceID) re-billed monthly from \(change.effectiveOn) in \(change.invoiceIDs.count) invoices",
                                amount: change.amount))
        }
        // Newest day first; within a day by kind, then the later id (the later record) first.
        return events.sorted { ($1.day, $0.kind.rawValue, $1.id) < ($0.day, $1.kind.rawValue, $0.id) }
    }
}
