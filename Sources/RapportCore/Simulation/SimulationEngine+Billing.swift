extension SimulationEngine {
    /// Draws every job of the run up front: installations and service calls per account per month,
    /// and each new client's first installation on the day it opens.
    mutating func scheduleJobs() {
        let months = parameters.months
        for (customer, profile) in company.customers.enumerated() {
            if profile.account.flags.contains(.newClient) { startJob(customer, .installation, on: profile.activeFrom, deposit: true) }
            for month in 0..<months {
                let monthStart = parameters.start.adding(months: month)
                let start = monthStart.adding(days: random.draw(0...27))
                guard start >= profile.activeFrom, start <= ledger.lastDay else { continue }
                if random.chance(parameters.installationsPerAccountMonth) {
                    startJob(customer, .installation, on: start, deposit: false)
                } else if random.chance(parameters.servicesPerAccountMonth) {
                    startJob(customer, .service, on: start, deposit: false)
                }
            }
        }
    }

    /// A job starts: new clients pay their deposit that day; it is billed off some days later.
    mutating func startJob(_ customer: Int, _ kind: Job.Kind, on day: Day, deposit: Bool) {
        let account = company.customers[customer].account
        let index = ledger.jobs.count
        let job = Job(
            id: Job.ID(SyntheticCompany.number("J", index + 1)), accountID: account.id,
            locationID: company.customers[customer].location.id, kind: kind,
            ownerDepartment: kind == .installation ? .installation : .service, percentComplete: 0)
        ledger.jobs.append(job)
        jobIndex[job.id] = index
        let price = kind == .installation
            ? random.draw(parameters.installationPrice[account.segment]!) : random.draw(parameters.servicePrice)
        jobPrice[index] = price
        if deposit {
            let amount = DepositPolicy(percent: parameters.depositPercent).required(for: Money(minorUnits: price, currency: .usd))
            let made = Deposit(
                id: Deposit.ID(SyntheticCompany.number("D", ledger.deposits.count + 1)), accountID: account.id, jobID: job.id,
                receivedOn: day, amount: amount)
            ledger.deposits.append(made)
            jobDeposit[index] = made
        }
        let billOff = day.adding(days: random.draw(parameters.daysToBillOff))
        if billOff <= ledger.lastDay { billOffs[billOff.daysSinceEpoch, default: []].append(index) }
    }

    /// Jobs billed off today: installations at about 95 % with a punch list, service calls done;
    /// the final invoice is issued and a deposit applied to it.
    mutating func billOffJobs(on day: Day) {
        for index in billOffs.removeValue(forKey: day.daysSinceEpoch) ?? [] {
            var job = ledger.jobs[index]
            guard let customer = customerIndex(job.accountID) else { continue }
            job.billedOffOn = day
            var problem: SimulatedProblem?
            let scale = parameters.problemRateScale
            var random = draws(.billOff, index)
            if job.kind == .installation {
                job.percentComplete = 95
                if random.chance(parameters.punchListShare) {
                    job.followUps = (1...random.draw(1...3)).map { item in
                        FollowUpItem(
                            id: FollowUpItem.ID("\(job.id)-F\(item)"), jobID: job.id, description: "Punch-list item \(item)",
                            department: .installation, dueOn: day.adding(days: 14))
                    }
                    punchListsDone[day.adding(days: random.draw(parameters.punchListDays)).daysSinceEpoch, default: []].append(index)
                    if random.chance(min(1, parameters.incompleteInstallationRate / parameters.punchListShare * scale)) { problem = .incompleteInstallation }
                }
            } else {
                job.percentComplete = 100
                if random.chance(parameters.serviceQualityRate * scale) { problem = .serviceQuality }
            }
            if problem == nil, random.chance(parameters.billingErrorRate * scale) { problem = .billingError }
            ledger.jobs[index] = job
            let bill = issue(customer, on: day, amount: jobPrice[index]!, description: job.kind == .installation ? "Installation" : "Service call",
                             job: index, problem: problem)
            if let deposit = jobDeposit[index] { applyDeposit(deposit, to: bill) }
            if job.kind == .installation && company.customers[customer].account.flags.contains(.newClient) {
                billingFrom[customer] = max(billingFrom[customer], day)
            }
            recentJobs[specialist(of: customer)].append(index)
        }
    }

    /// Recurring monitoring bills issued today (monthly, quarterly or annually on the customer's day).
    mutating func billRecurring(on day: Day) {
        guard day.dayOfMonth <= 28 else { return }
        let scale = parameters.problemRateScale
        for customer in customersByBillingDay[day.dayOfMonth] {
            guard cancelledOn[customer] == nil, day >= billingFrom[customer] else { continue }
            let profile = company.customers[customer]
            let months = frequency[customer].months
            guard ((day.month - profile.billingMonth) % months + months) % months == 0 else { continue }
            var problem: SimulatedProblem?
            var random = draws(.recurringProblem, customer, day.daysSinceEpoch)
            if profile.fixedIncome && frequency[customer] == .annual {
                var renewal = draws(.renewal, customer, day.daysSinceEpoch)
                if lastAnnualBill[customer] != nil && renewal.chance(parameters.hardshipCancelChance) {
                    cancelledOn[customer] = day          // cannot face another annual bill: cancels
                    continue
                }
                problem = .hardship
            } else if profile.account.parentID != nil, random.chance(parameters.billingDetailRate * scale) {
                problem = .billingDetail
            } else if random.chance(parameters.unrecordedChangeRate * scale) {
                problem = .unrecordedChange
            } else if random.chance(parameters.billingErrorRate * scale) {
                problem = .billingError
            }
            let description = months == 1 ? "Monitoring, monthly" : (months == 3 ? "Monitoring, quarterly" : "Monitoring, annual")
            let bill = issue(customer, on: day, amount: profile.monthlyFee * Int64(months), description: description, job: nil, problem: problem)
            if frequency[customer] == .annual { lastAnnualBill[customer] = bill }
        }
    }

    /// Issues an invoice, opens its bill and plans how the customer pays it.
    @discardableResult
    mutating func issue(
        _ customer: Int, on day: Day, amount: Int64, description: String, job: Int?, problem: SimulatedProblem?
    ) -> Int {
        let profile = company.customers[customer]
        let id = Invoice.ID(SyntheticCompany.number("INV", ledger.invoices.count + 1))
        let line = InvoiceLine(locationID: profile.location.id, description: description, amount: Money(minorUnits: amount, currency: .usd))
        let invoice = try! Invoice(
            id: id, accountID: profile.account.id, issueDate: day, dueDate: profile.account.terms.dueDate(issuedOn: day),
            lines: [line], jobID: job.map { ledger.jobs[$0].id })
        ledger.invoices.append(invoice)
        let index = bills.count
        bills.append(SimulatedBill(
            invoiceIndex: ledger.invoices.count - 1, invoiceID: id, accountID: profile.account.id, jobID: invoice.jobID,
            customer: customer, issue: day, due: invoice.dueDate,
            collectionStart: invoice.collectionStart(terms: profile.account.terms), total: amount, open: amount, job: job,
            problem: problem, isFirstOfAccount: billsOfCustomer[customer].isEmpty))
        billByInvoice[id] = index
        if let job { jobBill[job] = index }
        billsOfCustomer[customer].append(index)
        openBills[specialist(of: customer)].append(index)
        planPayment(index)
        return index
    }

    /// The customer's plan for a bill: hold it over a problem (and call in about it eventually),
    /// pay a hardship bill in thirds, or pay after the segment's delay (a procrastinator much later).
    mutating func planPayment(_ index: Int) {
        let bill = bills[index]
        let profile = company.customers[bill.customer]
        var random = draws(.payment, bill: index)
        let usual = bill.issue.adding(days: random.draw(parameters.paymentDelay[profile.account.segment]!))
        let call = bill.issue.adding(days: random.draw(parameters.inboundRaiseDelay))
        let unreminded = bill.issue.adding(days: random.draw(parameters.unremindedDelay))
        bills[index].usualPayDay = profile.procrastinator ? unreminded : usual
        if bill.isHeld {
            inboundCalls[call.daysSinceEpoch, default: []].append(index)
        } else if bill.problem == .hardship && !bill.resolved {
            let third = bill.open / 3
            for (offset, amount) in [(60, third), (120, third), (180, Int64?.none)] as [(Int, Int64?)] {
                schedulePayment(index, on: bill.issue.adding(days: offset), amount: amount)
            }
        } else if profile.procrastinator {
            schedulePayment(index, on: unreminded)
        } else {
            schedulePayment(index, on: usual)
        }
    }

    /// A problem is put right: the customer pays 2–8 days later, but not before they would have
    /// paid without it (a problem delays payment, it never speeds it up).
    mutating func resumePayment(_ index: Int, after day: Day) {
        guard bills[index].open > 0 else { return }
        bills[index].plan += 1
        var random = draws(.resume, bill: index)
        let resumed = day.adding(days: random.draw(parameters.payAfterResolution))
        schedulePayment(index, on: max(resumed, bills[index].usualPayDay ?? resumed))
    }

    /// Adds a payment to the bill's current plan (`amount` nil: whatever is open then).
    mutating func schedulePayment(_ index: Int, on day: Day, amount: Int64? = nil) {
        payments[day.daysSinceEpoch, default: []].append((index, bills[index].plan, amount))
    }

    /// Starts a new plan: payment `days` from `day`, earlier plans void.
    mutating func replan(_ index: Int, from day: Day, within days: ClosedRange<Int>) {
        bills[index].plan += 1
        var random = draws(.reminder, bill: index, day.daysSinceEpoch)
        schedulePayment(index, on: day.adding(days: random.draw(days)))
    }

    func customerIndex(_ account: Account.ID) -> Int? {
        // Account ids are "C" + the 1-based position; read the digits without allocating.
        var value = 0
        var digits = 0
        for byte in account.rawValue.utf8.dropFirst() {
            guard byte >= 48 && byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
            digits += 1
        }
        return digits == 0 ? nil : value - 1
    }
}
