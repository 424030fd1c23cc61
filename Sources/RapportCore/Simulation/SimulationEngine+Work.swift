extension SimulationEngine {
    /// Each specialist works the top of their queue, up to their daily capacity.
    mutating func work(on day: Day, policy: SimulationPolicy) {
        let playbook = policy.playbook(checkInDays: parameters.checkInDays)
        let queue = Queue(playbook: playbook)
        let triggers = Dictionary(playbook.rules.map { ($0.id, $0.trigger) }, uniquingKeysWith: { first, _ in first })
        let average = paidTotal.paid == 0 ? 0.5 : Double(paidTotal.late) / Double(paidTotal.paid)
        let risk = paidCounts.map { LatePaymentBaseline.shrunk(late: $0.late, paid: $0.paid, average: average) }
        for team in company.specialists.indices {
            // The input (which shares the touch lists) must be gone before touches are recorded,
            // or the first new touch copies the whole list.
            let tasks = queue.tasks(queueInput(team, on: day), limit: parameters.touchesPerDay) { account in
                customerIndex(account).map { risk[$0] } ?? average
            }
            for task in tasks {
                touch(task, trigger: triggers[task.rule], team: team, on: day, policy: policy)
            }
        }
    }

    /// What the queue sees for one specialist today; paid bills, old jobs and settled cases drop out.
    mutating func queueInput(_ team: Int, on day: Day) -> QueueInput {
        openBills[team].removeAll { bills[$0].open == 0 }
        let window = parameters.checkInDays + 31
        recentJobs[team].removeAll { job in
            let billedOff = ledger.jobs[job].billedOffOn ?? day
            let bill = jobBill[job].map { bills[$0] }
            return day.days(since: billedOff) > window && (bill?.open ?? 0) == 0
        }
        liveCases[team].removeAll { index in
            !ledger.cases[index].isActive && (caseBills[index] ?? []).allSatisfy { bills[$0].open == 0 }
        }
        if day.dayOfMonth == 1 {
            let oldest = day.adding(days: -120)
            recentTouches[team].removeAll { $0.occurredOn < oldest }
        }
        var invoices: [QueueInvoice] = []
        invoices.reserveCapacity(openBills[team].count)
        for index in openBills[team] where bills[index].issue <= day {
            let bill = bills[index]
            invoices.append(QueueInvoice(
                id: bill.invoiceID, accountID: bill.accountID, issueDate: bill.issue, dueDate: bill.due,
                collectionStart: bill.collectionStart, total: Money(minorUnits: bill.total, currency: .usd),
                open: Money(minorUnits: bill.open, currency: .usd), jobID: bill.jobID, isFirstOfAccount: bill.isFirstOfAccount))
        }
        return QueueInput(
            day: day, accounts: accountsOf[team], invoices: invoices, jobs: recentJobs[team].map { ledger.jobs[$0] },
            cases: liveCases[team].map { ledger.cases[$0] }, interactions: recentTouches[team], creditReviews: reviews[team])
    }

    /// One touch: reached or not; a reached customer mentions a problem on what the task is about,
    /// promises to pay if they were waiting to be reminded, or is simply satisfied.
    mutating func touch(_ task: QueueTask, trigger: PlaybookRule.Trigger?, team: Int, on day: Day, policy: SimulationPolicy) {
        guard let customer = customerIndex(task.accountID) else { return }
        var subject: [Int] = []
        if let invoice = task.invoiceID, let bill = billByInvoice[invoice] {
            subject = [bill]
        } else if let job = task.jobID.flatMap({ jobIndex[$0] }), let bill = jobBill[job] {
            subject = [bill]
        } else if trigger == .keyAccountReview {
            let family = [customer] + (childrenOf[task.accountID] ?? [])
            subject = family.flatMap { billsOfCustomer[$0] }.filter { bills[$0].open > 0 && bills[$0].issue <= day }
        } else if let caseID = task.caseID, let index = caseNumber(caseID), ledger.cases[index].isActive {
            // Following up a case past its SLA gets the department to finish it the next day.
            let tomorrow = day.adding(days: 1)
            if (caseResolveDay[index] ?? tomorrow) > tomorrow {
                caseResolveDay[index] = tomorrow
                caseResolutions[tomorrow.daysSinceEpoch, default: []].append(index)
            }
        }
        let outcome: Interaction.Outcome
        // Whether the customer answers that day, and mentions a problem, is the customer's own draw.
        var random = draws(.touch, customer, day.daysSinceEpoch)
        if !random.chance(parameters.reachChance) {
            outcome = random.chance(parameters.noAnswerShare) ? .noAnswer : .leftMessage
        } else {
            let hidden = subject.filter { bills[$0].problem != nil && !bills[$0].raised && bills[$0].open > 0 }
            if !hidden.isEmpty && random.chance(parameters.raiseChance) {
                for bill in hidden { openCase(bill, on: day) }
                if hidden.contains(where: { day < bills[$0].collectionStart }) { ledger.earlyFindings.append(day) }
                outcome = .issueFound
            } else if trigger == .newContractor {
                reviews[team].append(CreditReview(
                    id: CreditReview.ID(SyntheticCompany.number("CR", ledger.creditReviews.count + 1)), accountID: task.accountID,
                    reviewedOn: day, references: ["Trade reference"], industryCreditGroupNote: "No adverse reports",
                    decision: .approved, creditLimit: Money(minorUnits: parameters.newContractorCreditLimit, currency: .usd)))
                ledger.creditReviews.append(reviews[team].last!)
                outcome = .satisfied
            } else {
                let reminded = subject.filter { bills[$0].open > 0 && !bills[$0].isHeld && company.customers[customer].procrastinator }
                for bill in reminded { replan(bill, from: day, within: parameters.payAfterReminder) }
                outcome = reminded.isEmpty ? .satisfied : .promiseToPay
            }
        }
        let invoiceID = subject.count == 1 ? ledger.invoices[bills[subject[0]].invoiceIndex].id : nil
        record(Interaction(
            id: Interaction.ID(SyntheticCompany.number("T", ledger.interactions.count + 1)), accountID: task.accountID,
            invoiceID: invoiceID, occurredOn: day, channel: task.purpose == .keyAccountVisit ? .visit : .call,
            purpose: task.purpose, outcome: outcome, by: company.specialists[team]), team: team)
    }

    /// A customer nobody asked calls in about the problem holding their invoice.
    mutating func takeInboundCalls(on day: Day) {
        for index in inboundCalls.removeValue(forKey: day.daysSinceEpoch) ?? [] {
            let bill = bills[index]
            guard bill.problem != nil, !bill.raised, bill.open > 0 else { continue }
            let team = specialist(of: bill.customer)
            let invoice = ledger.invoices[bill.invoiceIndex]
            openCase(index, on: day)
            record(Interaction(
                id: Interaction.ID(SyntheticCompany.number("T", ledger.interactions.count + 1)), accountID: invoice.accountID,
                invoiceID: invoice.id, occurredOn: day, channel: .call, purpose: .followUp, outcome: .issueFound,
                by: company.specialists[team], notes: "Customer called in"), team: team)
        }
    }

    mutating func record(_ interaction: Interaction, team: Int) {
        ledger.interactions.append(interaction)
        recentTouches[team].append(interaction)
    }

    func caseNumber(_ id: Case.ID) -> Int? { Int(id.rawValue.dropFirst(4)).map { $0 - 1 } }
}
