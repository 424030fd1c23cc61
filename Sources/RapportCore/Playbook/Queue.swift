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
        var found: [(candidate: QueueCandidate, rule: PlaybookRule, attempts: Int, risk: Double, priority: Double)] = []
        for rule in playbook.rules {
            for candidate in candidates(rule, context) {
                guard let segment = context.segment(of: candidate.accountID), rule.applies(to: segment) else { continue }
                guard let attempts = context.openAttempts(rule: rule, candidate: candidate) else { continue }
                let probability = min(max(risk(candidate.accountID), 0), 1)
                let overdue = max(0, input.day.days(since: candidate.dueOn))
                let urgency = min(5, 1 + Double(overdue) / 7)
                found.append((candidate, rule, attempts, probability, Double(candidate.atStake.minorUnits) / 100 * probability * urgency))
            }
        }
        // Sort small keys, then gather: moving whole tasks around costs more than comparing them.
        let keys = found.indices.map { index in
            let item = found[index]
            let candidate = item.candidate
            return (priority: item.priority, account: candidate.accountID.rawValue, rule: item.rule.id,
                    subject: candidate.invoiceID?.rawValue ?? candidate.jobID?.rawValue ?? candidate.caseID?.rawValue ?? "", index: index)
        }
        let order = keys.sorted { a, b in
            if a.priority != b.priority { return a.priority > b.priority }
            return (a.account, a.rule, a.subject) < (b.account, b.rule, b.subject)
        }
        return order.prefix(limit ?? order.count).map { key in
            let (candidate, rule, attempts, probability, priority) = found[key.index]
            return QueueTask(
                rule: rule.id, reason: candidate.reason(), accountID: candidate.accountID, invoiceID: candidate.invoiceID,
                jobID: candidate.jobID, caseID: candidate.caseID, purpose: rule.purpose, dueOn: candidate.dueOn,
                atStake: candidate.atStake, risk: probability, priority: priority, attempts: attempts,
                factors: factors(candidate.accountID))
        }
    }

    private func candidates(_ rule: PlaybookRule, _ context: QueueContext) -> [QueueCandidate] {
        let day = context.day
        switch rule.trigger {
        case .billedOff:
            return context.jobs.compactMap { job in
                guard let billedOff = job.billedOffOn else { return nil }
                let due = billedOff.adding(days: rule.offsetDays)
                guard due <= day, day.days(since: due) <= checkInWindowDays else { return nil }
                let open = job.openFollowUps(on: day).count
                return QueueCandidate(
                    accountID: job.accountID, jobID: job.id, dueOn: due, atStake: context.openOfJob(job.id, job.accountID),
                    reason: "Check in on the \(job.kind.rawValue) billed off on \(billedOff)"
                        + (open > 0 ? " (\(open) follow-up item\(open == 1 ? "" : "s") still open)" : ""))
            }
        case .newClientFirstInvoice, .largeInvoice:
            let threshold = rule.threshold.flatMap { try? Money.parse($0, currency: .usd).minorUnits }
            return context.invoices.compactMap { invoice in
                guard invoice.issueDate <= day else { return nil }
                if rule.trigger == .newClientFirstInvoice {
                    guard invoice.isFirstOfAccount, context.has(.newClient, invoice.accountID) else { return nil }
                } else {
                    guard let threshold, invoice.total.minorUnits >= threshold else { return nil }
                }
                let due = invoice.issueDate.adding(days: rule.offsetDays)
                guard due <= day, day < invoice.collectionStart, invoice.open.isPositive else { return nil }
                return QueueCandidate(
                    accountID: invoice.accountID, invoiceID: invoice.id, dueOn: due, atStake: invoice.open,
                    reason: rule.trigger == .largeInvoice
                        ? "Courtesy call on a large invoice (\(invoice.total.groupedString)) before collections start"
                        : "Courtesy call on a new client's first invoice before collections start")
            }
        case .collectionStart:
            return context.invoices.compactMap { invoice in
                var due = invoice.collectionStart.adding(days: rule.offsetDays)
                guard invoice.issueDate <= day, invoice.open.isPositive, due <= day, !context.isPaused(invoice) else { return nil }
                var reason = { "First contact: \(invoice.open.groupedString) open at the collection start (\(invoice.collectionStart))" }
                if let resolved = context.lastResolution(of: invoice.id), resolved > due {
                    due = resolved
                    reason = { "Collection contact resumed: the case holding \(invoice.id) was resolved on \(resolved)" }
                }
                if let interval = rule.intervalDays,
                   let reached = context.lastReach(invoice.accountID, invoice: invoice.id, purpose: rule.purpose, since: due) {
                    due = reached.adding(days: interval)
                    reason = { "Follow-up: \(invoice.open.groupedString) still open \(interval) days after the last contact (\(reached))" }
                }
                guard due <= day else { return nil }
                return QueueCandidate(accountID: invoice.accountID, invoiceID: invoice.id, dueOn: due, atStake: invoice.open, reason: reason())
            }
        case .promiseDue:
            return context.promises.compactMap { promise in
                let due = promise.promisedFor.adding(days: rule.offsetDays)
                guard due <= day, !context.isKept(promise) else { return nil }
                return QueueCandidate(
                    accountID: promise.accountID, invoiceID: promise.invoiceID, dueOn: due, atStake: promise.amount,
                    reason: "Promise of \(promise.amount.groupedString) for \(promise.promisedFor) not kept")
            }
        case .casePastSLA:
            return context.cases.compactMap { item in
                let due = item.slaDue.adding(days: 1 + rule.offsetDays)
                guard item.isActive, due <= day else { return nil }
                return QueueCandidate(
                    accountID: item.accountID, caseID: item.id, dueOn: due, atStake: item.amountOnHold,
                    reason: "Case \(item.id) (\(item.category.rawValue), \(item.department.rawValue)) is past its SLA of \(item.slaDays) days")
            }
        case .keyAccountReview:
            let interval = rule.intervalDays ?? 90
            return context.accounts(flagged: .keyAccount).compactMap { account in
                let last = context.lastTouch(account.id, purpose: rule.purpose)
                let due = (last?.adding(days: interval) ?? account.openedOn ?? day).adding(days: rule.offsetDays)
                guard due <= day else { return nil }
                return QueueCandidate(
                    accountID: account.id, dueOn: due, atStake: context.openOfAccount(account.id),
                    reason: last.map { "Key-account review: last visit \($0)" } ?? "Key-account review: no visit yet")
            }
        case .newContractor:
            return context.accounts(flagged: .newContractor).compactMap { account in
                guard !context.reviewed.contains(account.id) else { return nil }
                let due = (account.openedOn ?? day).adding(days: rule.offsetDays)
                guard due <= day else { return nil }
                return QueueCandidate(
                    accountID: account.id, dueOn: due, atStake: context.openOfAccount(account.id),
                    reason: "Credit review for a new contractor: references and industry credit group")
            }
        case .depositMissing:
            return context.jobs.compactMap { job in
                guard context.has(.newClient, job.accountID), job.billedOffOn == nil,
                      !context.depositJobs.contains(job.id) else { return nil }
                return QueueCandidate(
                    accountID: job.accountID, jobID: job.id, dueOn: day.adding(days: rule.offsetDays),
                    atStake: context.openOfAccount(job.accountID),
                    reason: "Deposit missing on a new client's \(job.kind.rawValue) job \(job.id)")
            }
        case .installmentMissed:
            return context.arrangements.compactMap { arrangement in
                guard let missed = context.missedInstallment(arrangement) else { return nil }
                let due = missed.installment.dueOn.adding(days: rule.offsetDays)
                guard due <= day else { return nil }
                return QueueCandidate(
                    accountID: arrangement.accountID, dueOn: due, atStake: missed.unpaid,
                    reason: "Arrangement \(arrangement.id): installment of \(missed.installment.amount.groupedString) "
                        + "due \(missed.installment.dueOn) not paid (\(missed.unpaid.groupedString) behind)")
            }
        }
    }
}
