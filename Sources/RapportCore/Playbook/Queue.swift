/// Builds a specialist's queue for a day from the playbook: pure, deterministic, explainable.
public struct Queue: Sendable {
    public let playbook: Playbook
    /// Check-ins and courtesy calls not made this many days after they fell due are no longer
    /// offered (the collection-start rule takes over from courtesy calls anyway).
    public var checkInWindowDays = 30

    public init(playbook: Playbook = .standard) { self.playbook = playbook }

    /// The open tasks on `input.day`, highest priority first (ties by account, rule, subject); only
    /// the first `limit` when given (a specialist's capacity: the rest are not put into words).
    /// `risk` gives each account's predicted probability of paying late, `factors` what drives it.
    public func tasks(
        _ input: QueueInput, limit: Int? = nil, risk: (Account.ID) -> Double,
        factors: (Account.ID) -> [String] = { _ in [] }
    ) -> [QueueTask] {
        let context = QueueContext(input)
        var found: [(candidate: QueueCandidate, rule: Int, attempts: Int, risk: Double, priority: Double)] = []
        found.reserveCapacity(input.invoices.count + input.jobs.count + input.cases.count)
        for (ruleIndex, rule) in playbook.rules.enumerated() {
            for candidate in candidates(rule, context) {
                guard let segment = context.segment(of: candidate.accountID), rule.applies(to: segment) else { continue }
                guard let attempts = context.openAttempts(rule: rule, candidate: candidate) else { continue }
                let probability = min(max(risk(candidate.accountID), 0), 1)
                let overdue = max(0, input.day.days(since: candidate.dueOn))
                let urgency = min(5, 1 + Double(overdue) / 7)
                found.append((candidate, ruleIndex, attempts, probability, candidate.atStake.majorUnits * probability * urgency))
            }
        }
        // Sort positions, comparing ids only on equal priority: moving whole tasks around costs more.
        let rules = playbook.rules
        func subject(_ candidate: QueueCandidate) -> String {
            candidate.invoiceID?.rawValue ?? candidate.jobID?.rawValue ?? candidate.caseID?.rawValue ?? ""
        }
        let order = found.indices.sorted { a, b in
            if found[a].priority != found[b].priority { return found[a].priority > found[b].priority }
            let (x, y) = (found[a].candidate, found[b].candidate)
            return (x.accountID.rawValue, rules[found[a].rule].id, subject(x), x.atStake.currency.code)
                < (y.accountID.rawValue, rules[found[b].rule].id, subject(y), y.atStake.currency.code)
        }
        return order.prefix(limit ?? order.count).map { position in
            let (candidate, ruleIndex, attempts, probability, priority) = found[position]
            let rule = rules[ruleIndex]
            return QueueTask(
                rule: rule.id, reason: candidate.reason.text, accountID: candidate.accountID, invoiceID: candidate.invoiceID,
                jobID: candidate.jobID, caseID: candidate.caseID, purpose: rule.purpose, dueOn: candidate.dueOn,
                atStake: candidate.atStake, risk: probability, priority: priority, attempts: attempts,
                factors: factors(candidate.accountID))
        }
    }

    /// The earliest day any task of `input` can have fallen due. Touches only ever move a task's due
    /// day later (a reached customer is contacted again `intervalDays` after the touch; a key
    /// account's review is due `intervalDays` after its last visit), so touches before this day
    /// cannot change the queue — provided `input` already holds each account's latest touch of a
    /// key-account-review purpose. Lets the store read a window of touches instead of all of them.
    public func earliestDue(_ input: QueueInput) -> Day? {
        earliestDueByAccount(input).values.min()
    }

    /// `earliestDue` per account: a touch only moves its own account's tasks, so an account's
    /// touches before its day cannot change the queue, and an account with no possible task (left
    /// out) needs none of its touches.
    public func earliestDueByAccount(_ input: QueueInput) -> [Account.ID: Day] {
        let context = QueueContext(input)
        var earliest: [Account.ID: Day] = [:]
        for rule in playbook.rules {
            for candidate in candidates(rule, context) where earliest[candidate.accountID].map({ candidate.dueOn < $0 }) ?? true {
                earliest[candidate.accountID] = candidate.dueOn
            }
        }
        return earliest
    }

    /// The earliest billed-off day of a job that a billed-off rule can still make a task of on
    /// `day` (its offset and the check-in window); `day` when no rule is triggered by billing off.
    /// Any other job can give a task only through an open invoice of it, or while it is not
    /// billed off (a missing deposit) — so the store need not read the rest.
    public func jobsBilledOffFrom(_ day: Day) -> Day {
        playbook.rules.filter { $0.trigger == .billedOff }.map { day.adding(days: -$0.offsetDays - checkInWindowDays) }.min() ?? day
    }

    /// The accounts whose latest reaching touch of `latestTouchPurposes` the queue reads: the key
    /// accounts, when a rule reviews them (none otherwise).
    public func latestTouchAccounts(_ input: QueueInput) -> [Account.ID] {
        guard playbook.rules.contains(where: { $0.trigger == .keyAccountReview }) else { return [] }
        return input.accounts.filter { $0.flags.contains(.keyAccount) }.map(\.id)
    }

    /// The purposes whose latest reaching touch per account (of any age) the queue needs besides the window.
    public var latestTouchPurposes: [Interaction.Purpose] {
        Array(Set(playbook.rules.filter { $0.trigger == .keyAccountReview }.map(\.purpose))).sorted { $0.rawValue < $1.rawValue }
    }

    private func candidates(_ rule: PlaybookRule, _ context: QueueContext) -> [QueueCandidate] {
        let day = context.day
        switch rule.trigger {
        case .billedOff:
            return context.jobs.flatMap { job -> [QueueCandidate] in
                guard let billedOff = job.billedOffOn else { return [] }
                let due = billedOff.adding(days: rule.offsetDays)
                guard due <= day, day.days(since: due) <= checkInWindowDays else { return [] }
                let open = job.followUps.filter { $0.isOpen(on: day) }.count
                return context.openOfJob(job.id).map { atStake in
                    QueueCandidate(
                        accountID: job.accountID, jobID: job.id, dueOn: due, atStake: atStake,
                        reason: .checkIn(job.kind, billedOff: billedOff, openItems: open))
                }
            }
        case .newClientFirstInvoice, .largeInvoice:
            // Each currency's threshold read once per evaluation, not once per invoice.
            var thresholds: [Currency: Money?] = [:]
            return context.invoices.compactMap { invoice in
                guard invoice.issueDate <= day else { return nil }
                if rule.trigger == .newClientFirstInvoice {
                    guard invoice.isFirstOfAccount, context.has(.newClient, invoice.accountID) else { return nil }
                } else {
                    let currency = invoice.total.currency
                    if thresholds[currency] == nil { thresholds[currency] = .some(rule.threshold(in: currency)) }
                    guard let threshold = thresholds[currency]!, invoice.total.minorUnits >= threshold.minorUnits else {
                        return nil
                    }
                }
                let due = invoice.issueDate.adding(days: rule.offsetDays)
                guard due <= day, day < invoice.collectionStart, invoice.open.isPositive else { return nil }
                return QueueCandidate(
                    accountID: invoice.accountID, invoiceID: invoice.id, dueOn: due, atStake: invoice.open,
                    reason: rule.trigger == .largeInvoice ? .largeInvoiceCourtesy(total: invoice.total) : .newClientCourtesy)
            }
        case .collectionStart:
            return context.invoices.compactMap { invoice in
                var due = invoice.collectionStart.adding(days: rule.offsetDays)
                guard invoice.issueDate <= day, invoice.open.isPositive, due <= day, !context.isPaused(invoice) else { return nil }
                var reason = QueueReason.firstContact(open: invoice.open, collectionStart: invoice.collectionStart)
                if let resolved = context.lastResolution(of: invoice.id), resolved > due {
                    due = resolved
                    reason = .contactResumed(invoice.id, resolved: resolved)
                }
                if let interval = rule.intervalDays,
                   let reached = context.lastReach(invoice.accountID, invoice: invoice.id, purpose: rule.purpose, since: due) {
                    due = reached.adding(days: interval)
                    reason = .collectionFollowUp(open: invoice.open, intervalDays: interval, lastReached: reached)
                }
                guard due <= day else { return nil }
                return QueueCandidate(accountID: invoice.accountID, invoiceID: invoice.id, dueOn: due, atStake: invoice.open, reason: reason)
            }
        case .promiseDue:
            return context.promises.compactMap { promise in
                let due = promise.promisedFor.adding(days: rule.offsetDays)
                guard due <= day, !context.isKept(promise) else { return nil }
                return QueueCandidate(
                    accountID: promise.accountID, invoiceID: promise.invoiceID, dueOn: due, atStake: promise.amount,
                    reason: .promiseNotKept(amount: promise.amount, promisedFor: promise.promisedFor))
            }
        case .casePastSLA:
            return context.cases.compactMap { item in
                let due = item.slaDue.adding(days: 1 + rule.offsetDays)
                guard item.isActive(on: day), due <= day else { return nil }
                return QueueCandidate(
                    accountID: item.accountID, caseID: item.id, dueOn: due, atStake: item.amountOnHold,
                    reason: .casePastSLA(item.id, item.category, item.department, slaDays: item.slaDays))
            }
        case .keyAccountReview:
            let interval = rule.intervalDays ?? 90
            return context.accounts(flagged: .keyAccount).flatMap { account -> [QueueCandidate] in
                let last = context.lastTouch(account.id, purpose: rule.purpose)
                let due = (last?.adding(days: interval) ?? account.openedOn ?? day).adding(days: rule.offsetDays)
                guard due <= day else { return [] }
                return context.openOfAccount(account.id).map {
                    QueueCandidate(accountID: account.id, dueOn: due, atStake: $0, reason: .keyAccountReview(lastVisit: last))
                }
            }
        case .newContractor:
            return context.accounts(flagged: .newContractor).flatMap { account -> [QueueCandidate] in
                guard !context.reviewed.contains(account.id) else { return [] }
                let due = (account.openedOn ?? day).adding(days: rule.offsetDays)
                guard due <= day else { return [] }
                return context.openOfAccount(account.id).map {
                    QueueCandidate(accountID: account.id, dueOn: due, atStake: $0, reason: .contractorCreditReview)
                }
            }
        case .depositMissing:
            return context.jobs.flatMap { job -> [QueueCandidate] in
                guard context.has(.newClient, job.accountID), job.billedOffOn == nil,
                      !context.depositJobs.contains(job.id) else { return [] }
                return context.openOfAccount(job.accountID).map {
                    QueueCandidate(
                        accountID: job.accountID, jobID: job.id, dueOn: day.adding(days: rule.offsetDays), atStake: $0,
                        reason: .depositMissing(job.kind, job.id))
                }
            }
        case .nextContact:
            return context.latestCallBacks.flatMap { touch -> [QueueCandidate] in
                let due = touch.nextContactOn!.adding(days: rule.offsetDays)
                guard due <= day, day.days(since: due) <= checkInWindowDays else { return [] }
                return context.openOfAccount(touch.accountID).map {
                    QueueCandidate(accountID: touch.accountID, jobID: touch.jobID, dueOn: due, atStake: $0,
                                   reason: .callBack(agreedOn: touch.occurredOn, by: touch.by))
                }
            }
        case .installmentMissed:
            return context.arrangements.compactMap { arrangement in
                guard let missed = context.missedInstallment(arrangement) else { return nil }
                let due = missed.installment.dueOn.adding(days: rule.offsetDays)
                guard due <= day else { return nil }
                return QueueCandidate(
                    accountID: arrangement.accountID, dueOn: due, atStake: missed.unpaid,
                    reason: .installmentMissed(
                        arrangement.id, installment: missed.installment.amount, dueOn: missed.installment.dueOn, behind: missed.unpaid))
            }
        }
    }
}
