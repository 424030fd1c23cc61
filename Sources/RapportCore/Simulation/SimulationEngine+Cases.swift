extension SimulationEngine {
    /// Opens a case for the problem on a bill, routed by `CaseRouting.standard` with its
    /// `CaseSLA.standard` days; the department resolves it within the SLA, one case in seven late.
    mutating func openCase(_ index: Int, on day: Day) {
        guard let problem = bills[index].problem else { return }
        let bill = bills[index]
        let invoice = ledger.invoices[bill.invoiceIndex]
        let sla = CaseSLA.standard.days(for: problem.category)
        let number = ledger.cases.count
        ledger.cases.append(Case(
            id: Case.ID(SyntheticCompany.number("CASE", number + 1)), accountID: invoice.accountID, invoiceIDs: [invoice.id],
            category: problem.category, amountOnHold: Money(minorUnits: bill.open, currency: .usd),
            department: CaseRouting.standard.route(problem.category).department, openedOn: day, slaDays: sla))
        caseBills[number] = [index]
        bills[index].raised = true
        // How long the department takes is the problem's own draw: the same under every policy.
        var random = draws(.caseDays, bill: index)
        let late = random.chance(parameters.lateCaseShare) ? random.draw(1...sla) : 0
        let resolve = day.adding(days: random.draw(1...sla) + late)
        caseResolveDay[number] = resolve
        caseResolutions[resolve.daysSinceEpoch, default: []].append(number)
        liveCases[specialist(of: bill.customer)].append(number)
    }

    /// Cases resolved today: the department's fix, then the customer pays.
    mutating func resolveCases(on day: Day, policy: SimulationPolicy) {
        for number in caseResolutions.removeValue(forKey: day.daysSinceEpoch) ?? [] {
            guard caseResolveDay[number] == day, ledger.cases[number].isActive, let index = caseBills[number]?.first,
                  let problem = bills[index].problem else { continue }
            var resolution = CaseResolution.explanation
            var random = draws(.creditMemo, bill: index)
            switch problem {
            case .incompleteInstallation:
                if let job = bills[index].job { finishPunchList(job, on: day) }
                resolution = .workCompleted
            case .billingError:
                creditMemo(index, percent: random.draw(parameters.billingErrorShare), on: day, reason: "Billing error corrected")
                resolution = .creditMemo
            case .unrecordedChange:
                creditMemo(index, percent: random.draw(parameters.cancelledServiceCreditPercent), on: day, reason: "Cancelled service billed")
                resolution = .creditMemo
            case .serviceQuality:
                resolution = .workCompleted
            case .billingDetail:
                resolution = .explanation
            case .hardship:
                if policy.movesHardshipToMonthly, bills[index].open > 0, moveToMonthly(index, on: day) {
                    resolution = .billingFrequencyChange
                }
            }
            ledger.cases[number].status = .resolved
            ledger.cases[number].resolvedOn = day
            ledger.cases[number].resolution = resolution
            ledger.cases[number].rootCause = problem.rootCause
            if problem.holdsPayment {
                bills[index].resolved = true
                resumePayment(index, after: day)
            }
        }
    }

    /// Punch lists Installation finishes today on its own schedule.
    mutating func completePunchLists(on day: Day) {
        for job in punchListsDone.removeValue(forKey: day.daysSinceEpoch) ?? [] {
            finishPunchList(job, on: day)
            guard let index = jobBill[job], bills[index].problem == .incompleteInstallation, !bills[index].resolved else { continue }
            bills[index].resolved = true
            resumePayment(index, after: day)
        }
    }

    mutating func finishPunchList(_ job: Int, on day: Day) {
        for item in ledger.jobs[job].followUps.indices where ledger.jobs[job].followUps[item].completedOn == nil {
            ledger.jobs[job].followUps[item].completedOn = day
        }
        ledger.jobs[job].percentComplete = 100
    }

    /// Hardship resolved the client-relations way: what is open on the annual bill is credited
    /// and re-billed monthly (`BillingFrequencyChange`), which the customer can pay.
    mutating func moveToMonthly(_ index: Int, on day: Day) -> Bool {
        let bill = bills[index]
        let customer = bill.customer
        let annual = ledger.invoices[bill.invoiceIndex]
        guard let plan = try? BillingFrequencyChange.annualToMonthly(
            open: Money(minorUnits: bill.open, currency: .usd), yearStart: bill.issue, effective: day) else { return false }
        let id = BillingChange.ID(SyntheticCompany.number("BC", ledger.billingChanges.count + 1))
        let records = plan.records(id: id, account: company.customers[customer].account, annual: annual, effective: day, recordedOn: day)
        ledger.creditMemos.append(records.creditMemo)
        allocate(.creditMemo(records.creditMemo.id), bill.open, day: day, to: index)
        bills[index].plan += 1
        for invoice in records.invoices {
            ledger.invoices.append(invoice)
            let monthly = bills.count
            bills.append(SimulatedBill(
                invoiceIndex: ledger.invoices.count - 1, invoiceID: invoice.id, accountID: invoice.accountID, jobID: nil,
                customer: customer, issue: invoice.issueDate, due: invoice.dueDate,
                collectionStart: invoice.collectionStart(terms: company.customers[customer].account.terms),
                total: invoice.total.minorUnits, open: invoice.total.minorUnits, job: nil, problem: nil, isRebill: true))
            billByInvoice[invoice.id] = monthly
            billsOfCustomer[customer].append(monthly)
            openBills[specialist(of: customer)].append(monthly)
            var random = draws(.rebilledPayment, bill: monthly)
            schedulePayment(monthly, on: invoice.issueDate.adding(days: random.draw(parameters.rebilledHardshipPaymentDays)))
        }
        ledger.billingChanges.append(records.change)
        frequency[customer] = .monthly
        billingFrom[customer] = bill.issue.adding(months: 12)
        return true
    }
}
