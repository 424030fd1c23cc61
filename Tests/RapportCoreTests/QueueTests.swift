import Testing
@testable import RapportCore

@Suite("Playbook and daily queue")
struct QueueTests {
    func day(_ text: String) -> Day { try! Day(iso: text) }
    func usd(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .usd) }

    let account = Account(id: "A1", name: "Acme", segment: .commercial, flags: [.newClient], openedOn: try! Day(iso: "2024-01-01"))

    func invoice(_ id: String, _ issued: String, total: Int64, open: Int64? = nil, job: String? = nil, first: Bool = false) -> QueueInvoice {
        QueueInvoice(id: Invoice.ID(id), accountID: "A1", issueDate: day(issued), dueDate: day(issued),
                     collectionStart: day(issued).adding(days: 30), total: usd(total), open: usd(open ?? total),
                     jobID: job.map { Job.ID($0) }, isFirstOfAccount: first)
    }

    func touch(_ id: String, _ on: String, _ purpose: Interaction.Purpose, _ outcome: Interaction.Outcome, invoice: String? = nil) -> Interaction {
        Interaction(id: Interaction.ID(id), accountID: "A1", invoiceID: invoice.map { Invoice.ID($0) }, occurredOn: day(on),
                    channel: .call, purpose: purpose, outcome: outcome, by: "lori")
    }

    let job = Job(id: "J1", accountID: "A1", locationID: "L1", kind: .installation, ownerDepartment: .installation,
                  percentComplete: 95, billedOffOn: try! Day(iso: "2024-03-01"),
                  followUps: [FollowUpItem(id: "F1", jobID: "J1", description: "sensor", department: .installation,
                                           dueOn: try! Day(iso: "2024-03-10"))])

    func queue(_ input: QueueInput, risk: Double = 0.5) -> [QueueTask] { Queue().tasks(input, risk: { _ in risk }) }

    @Test func checkInEightDaysAfterBilledOff() {
        let input = QueueInput(day: day("2024-03-09"), accounts: [account], invoices: [invoice("I1", "2024-03-01", total: 1_000_000, job: "J1", first: true)], jobs: [job])
        let checkIn = queue(input).filter { $0.rule == "check-in" }
        #expect(checkIn.count == 1)
        #expect(checkIn[0].dueOn == day("2024-03-09") && checkIn[0].jobID == "J1")
        #expect(checkIn[0].reason == "Check in on the installation billed off on 2024-03-01 (1 follow-up item still open)")
        #expect(checkIn[0].atStake == usd(1_000_000))
        #expect(queue(QueueInput(day: day("2024-03-08"), accounts: [account], jobs: [job])).filter { $0.rule == "check-in" }.isEmpty)
    }

    @Test func courtesyCallsOnAFirstInvoiceAndALargeOneStopAtCollectionStart() {
        let input = { (on: String) in
            QueueInput(day: self.day(on), accounts: [self.account], invoices: [self.invoice("I1", "2024-03-01", total: 600_000, first: true)])
        }
        #expect(Set(queue(input("2024-03-10")).map(\.rule)) == ["new-client-courtesy"])
        #expect(Set(queue(input("2024-03-11")).map(\.rule)) == ["new-client-courtesy", "large-invoice-courtesy"])
        // On the collection start the courtesy calls give way to the first contact.
        #expect(Set(queue(input("2024-03-31")).map(\.rule)) == ["first-contact"])
    }

    @Test func firstContactWaitsForTheWorkAndForOpenCases() {
        let input = QueueInput(day: day("2024-04-05"), accounts: [account],
                               invoices: [invoice("I1", "2024-03-01", total: 100_000, job: "J1")], jobs: [job])
        #expect(queue(input).filter { $0.rule == "first-contact" }.isEmpty)  // punch list open
        var done = job
        done.followUps[0].completedOn = day("2024-04-01")
        var finished = input
        finished.jobs = [done]
        let contact = queue(finished).filter { $0.rule == "first-contact" }
        #expect(contact.map(\.invoiceID) == ["I1"] && contact[0].dueOn == day("2024-03-31"))
        // An open case on the invoice pauses it; resolving resumes it with a fresh task.
        var held = finished
        held.cases = [Case(id: "C1", accountID: "A1", invoiceIDs: ["I1"], category: .billingError, amountOnHold: usd(100_000),
                           department: .billing, status: .inProgress, openedOn: day("2024-04-01"), slaDays: 5)]
        #expect(queue(held).filter { $0.rule == "first-contact" }.isEmpty)
        held.cases[0].status = .resolved
        held.cases[0].resolvedOn = day("2024-04-04")
        held.interactions = [touch("T1", "2024-04-02", .reminder, .satisfied, invoice: "I1")]
        let resumed = queue(held).filter { $0.rule == "first-contact" }
        #expect(resumed.count == 1 && resumed[0].dueOn == day("2024-04-04"))
        #expect(resumed[0].reason == "Collection contact resumed: the case holding I1 was resolved on 2024-04-04")
    }

    @Test func aTouchThatReachesTheCustomerClosesTheTaskAndAMissedOneComesBack() {
        var input = QueueInput(day: day("2024-04-02"), accounts: [account], invoices: [invoice("I1", "2024-03-01", total: 100_000)])
        input.interactions = [touch("T1", "2024-04-01", .reminder, .noAnswer)]
        #expect(queue(input).filter { $0.rule == "first-contact" }.isEmpty)       // retry in 2 days
        input.day = day("2024-04-03")
        let retry = queue(input).filter { $0.rule == "first-contact" }
        #expect(retry.count == 1 && retry[0].attempts == 1)
        input.interactions.append(touch("T2", "2024-04-03", .reminder, .promiseToPay))
        #expect(queue(input).filter { $0.rule == "first-contact" }.isEmpty)
    }

    @Test func promisesCasesKeyAccountsContractorsAndDeposits() {
        var key = account
        key.flags = [.keyAccount, .newClient]
        let contractor = Account(id: "K1", name: "Builder", segment: .contractor, flags: [.newContractor], openedOn: day("2024-03-01"))
        let unbilled = Job(id: "J2", accountID: "A1", kind: .installation, ownerDepartment: .installation, percentComplete: 10)
        let input = QueueInput(
            day: day("2024-04-10"), accounts: [key, contractor], jobs: [unbilled],
            cases: [Case(id: "C1", accountID: "A1", category: .serviceQuality, amountOnHold: usd(5_000), department: .service,
                         status: .open, openedOn: day("2024-03-01"), slaDays: 7)],
            promises: [PromiseToPay(id: "P1", accountID: "A1", amount: usd(20_000), madeOn: day("2024-04-01"), promisedFor: day("2024-04-05"))],
            payments: [Payment(id: "X", accountID: "A1", receivedOn: day("2024-04-03"), amount: usd(5_000))])
        let rules = Set(queue(input).map(\.rule))
        #expect(rules == ["promise-follow-up", "case-past-sla", "key-account-review", "contractor-credit-review", "deposit-missing"])
        var kept = input
        kept.payments.append(Payment(id: "Y", accountID: "A1", receivedOn: day("2024-04-05"), amount: usd(15_000)))
        kept.creditReviews = [CreditReview(id: "R1", accountID: "K1", reviewedOn: day("2024-03-02"), references: [], industryCreditGroupNote: "", decision: .approved)]
        kept.deposits = [Deposit(id: "D1", accountID: "A1", jobID: "J2", receivedOn: day("2024-03-01"), amount: usd(100))]
        kept.interactions = [touch("V1", "2024-04-01", .keyAccountVisit, .satisfied)]
        #expect(Set(queue(kept).map(\.rule)) == ["case-past-sla"])
    }

    @Test func aMissedInstallmentIsFollowedUpTheDayAfterAndEachNewMissComesBack() {
        let plan = PaymentArrangement(
            id: "AR1", accountID: "A1", agreedOn: day("2024-01-15"),
            installments: ArrangementPlan.monthly(total: usd(90_000), count: 3, first: day("2024-02-01")))
        let paid = Payment(id: "X", accountID: "A1", receivedOn: day("2024-02-01"), amount: usd(30_000))
        var input = QueueInput(day: day("2024-03-01"), accounts: [account], payments: [paid], arrangements: [plan])
        #expect(queue(input).isEmpty)                                // the March installment is due today
        input.day = day("2024-03-02")
        let task = try! #require(queue(input).first { $0.rule == "missed-installment" })
        #expect(task.dueOn == day("2024-03-02") && task.atStake == usd(30_000))
        #expect(task.reason.contains("due 2024-03-01"))
        input.interactions = [touch("T1", "2024-03-02", .followUp, .promiseToPay)]
        input.day = day("2024-03-20")
        #expect(queue(input).isEmpty)                                // reached; nothing new is due yet
        input.day = day("2024-04-02")
        let again = try! #require(queue(input).first)                // April missed too: a new task
        #expect(again.atStake == usd(60_000) && again.dueOn == day("2024-04-02"))
        input.payments.append(Payment(id: "Y", accountID: "A1", receivedOn: day("2024-04-01"), amount: usd(60_000)))
        #expect(queue(input).isEmpty)
    }

    @Test func priorityIsMoneyTimesRiskTimesUrgencyAndTiesAreOrderedByIds() {
        let input = QueueInput(day: day("2024-04-14"), accounts: [account],
                               invoices: [invoice("I2", "2024-03-01", total: 100_000), invoice("I1", "2024-03-01", total: 100_000),
                                          invoice("I3", "2024-03-15", total: 50_000)])
        let tasks = queue(input, risk: 0.4)
        // I1, I2: 1,000.00 × 0.4 × (1 + 14/7) = 1,200; I3 is not due until Apr 14: × 1 = 200.
        #expect(tasks.map(\.invoiceID) == ["I1", "I2", "I3"])
        #expect(tasks.map(\.priority) == [1_200, 1_200, 200])
        #expect(queue(input, risk: 7).first?.risk == 1)
    }

    @Test func segmentFiltersAndCustomPlaybooks() {
        var playbook = Playbook.standard
        playbook.rules = playbook.rules.filter { $0.id == "first-contact" }
        playbook.rules[0].segments = [.residential]
        let input = QueueInput(day: day("2024-04-14"), accounts: [account], invoices: [invoice("I1", "2024-03-01", total: 100_000)])
        #expect(Queue(playbook: playbook).tasks(input, risk: { _ in 1 }).isEmpty)
    }

    @Test func baselineRiskShrinksTowardTheAverage() {
        let history = [
            LatePaymentBaseline.PaidInvoice(accountID: "A", late: true), .init(accountID: "A", late: true),
            .init(accountID: "B", late: false), .init(accountID: "B", late: false),
        ]
        let baseline = LatePaymentBaseline(history)
        #expect(baseline.averageLateShare == 0.5)
        #expect(baseline.risk("A") == (2 + 2) / 6.0)
        #expect(baseline.risk("B") == 2 / 6.0)
        #expect(baseline.risk("new") == 0.5)
        #expect(LatePaymentBaseline([]).risk("x") == 0.5)
    }

    @Test func baselineFromCountsEqualsBaselineFromInvoices() {
        let history = [
            LatePaymentBaseline.PaidInvoice(accountID: "A", late: true), .init(accountID: "A", late: false),
            .init(accountID: "A", late: true), .init(accountID: "B", late: false),
        ]
        let counted = LatePaymentBaseline(counts: ["A": (paid: 3, late: 2), "B": (paid: 1, late: 0)])
        let listed = LatePaymentBaseline(history)
        #expect(counted.averageLateShare == listed.averageLateShare)
        for account: Account.ID in ["A", "B", "new"] { #expect(counted.risk(account) == listed.risk(account)) }
        #expect(LatePaymentBaseline(counts: ["A": (paid: 3, late: 2)], averageLateShare: 0.1).risk("new") == 0.1)
        #expect(LatePaymentBaseline(counts: [:]).risk("x") == 0.5)
    }
}

@Suite("Promise status")
struct PromiseStatusTests {
    @Test func pendingKeptOrBrokenFromPayments() {
        let day = { (text: String) in try! Day(iso: text) }
        let usd = { (minor: Int64) in Money(minorUnits: minor, currency: .usd) }
        let promise = PromiseToPay(id: "P", accountID: "A", amount: usd(1_000), madeOn: day("2024-03-01"), promisedFor: day("2024-03-10"))
        let early = Payment(id: "X0", accountID: "A", receivedOn: day("2024-02-28"), amount: usd(5_000))   // before the promise
        let part = Payment(id: "X1", accountID: "A", receivedOn: day("2024-03-05"), amount: usd(600))
        let rest = Payment(id: "X2", accountID: "A", receivedOn: day("2024-03-10"), amount: usd(400))
        let late = Payment(id: "X3", accountID: "A", receivedOn: day("2024-03-11"), amount: usd(400))
        let other = Payment(id: "X4", accountID: "B", receivedOn: day("2024-03-05"), amount: usd(9_000))
        #expect(PromiseStatus.of(promise, payments: [early, part, other], on: day("2024-03-08")) == .pending)
        #expect(PromiseStatus.of(promise, payments: [part, rest], on: day("2024-03-10")) == .kept)
        #expect(PromiseStatus.of(promise, payments: [part, late], on: day("2024-03-12")) == .broken)
        // Judged as of a day, a payment after that day does not count yet.
        #expect(PromiseStatus.of(promise, payments: [part, rest], on: day("2024-03-09")) == .pending)
    }
}

@Suite("Payment arrangements")
struct ArrangementPlanTests {
    @Test func monthlyInstallmentsAddUpAndStandingFollowsPayments() {
        let day = { (text: String) in try! Day(iso: text) }
        let usd = { (minor: Int64) in Money(minorUnits: minor, currency: .usd) }
        let installments = ArrangementPlan.monthly(total: usd(100_001), count: 3, first: day("2024-01-31"))
        #expect(installments.map(\.dueOn) == [day("2024-01-31"), day("2024-02-29"), day("2024-03-31")])
        #expect(installments.map(\.amount.minorUnits) == [33_333, 33_333, 33_335])
        let plan = PaymentArrangement(id: "X", accountID: "A", agreedOn: day("2024-01-15"), installments: installments)
        let first = Payment(id: "1", accountID: "A", receivedOn: day("2024-01-30"), amount: usd(33_333))
        let before = Payment(id: "0", accountID: "A", receivedOn: day("2024-01-10"), amount: usd(99_999))   // before the agreement
        #expect(ArrangementPlan.standing(plan, payments: [before, first], on: day("2024-02-15")).state == .onTrack)
        let behind = ArrangementPlan.standing(plan, payments: [first], on: day("2024-03-01"))
        #expect(behind.state == .behind && behind.missed == 1 && behind.due == usd(66_666) && behind.paid == usd(33_333))
        let rest = Payment(id: "2", accountID: "A", receivedOn: day("2024-03-02"), amount: usd(66_668))
        #expect(ArrangementPlan.standing(plan, payments: [first, rest], on: day("2024-03-05")).state == .completed)
        #expect(ArrangementPlan.monthly(total: usd(10), count: 0, first: day("2024-01-01")).isEmpty)
    }
}

@Suite("Collection follow-ups")
struct CollectionFollowUpTests {
    @Test func anOpenInvoiceIsContactedAgainThirtyDaysAfterTheCustomerWasReached() {
        let day = { (text: String) in try! Day(iso: text) }
        let usd = Money(minorUnits: 50_000, currency: .usd)
        let account = Account(id: "A1", name: "Acme", segment: .commercial)
        let invoice = QueueInvoice(id: "I1", accountID: "A1", issueDate: day("2024-01-01"), dueDate: day("2024-01-01"),
                                   collectionStart: day("2024-01-31"), total: usd, open: usd)
        let reached = Interaction(id: "T1", accountID: "A1", invoiceID: "I1", occurredOn: day("2024-02-02"), channel: .call,
                                  purpose: .reminder, outcome: .promiseToPay, by: "lori")
        var input = QueueInput(day: day("2024-03-02"), accounts: [account], invoices: [invoice], interactions: [reached])
        #expect(Queue().tasks(input, risk: { _ in 0.5 }).isEmpty)
        input.day = day("2024-03-03")
        let again = Queue().tasks(input, risk: { _ in 0.5 })
        #expect(again.map(\.rule) == ["first-contact"] && again[0].dueOn == day("2024-03-03"))
        #expect(again[0].reason.contains("still open 30 days after the last contact (2024-02-02)"))
        var once = Playbook.standard
        once.rules = once.rules.map { rule in
            var rule = rule
            if rule.id == "first-contact" { rule.intervalDays = nil }
            return rule
        }
        #expect(Queue(playbook: once).tasks(input, risk: { _ in 0.5 }).isEmpty)
    }
}
