import RapportCore

/// Core values as the API's generated types: money as decimal strings next to their currency,
/// days as `YYYY-MM-DD`, Core's enums by their raw values (a test keeps both lists equal).
enum APIRendering {
    /// `value` as the generated enum of the same raw value.
    static func choice<Target: RawRepresentable>(_ value: some RawRepresentable<String>) throws -> Target where Target.RawValue == String {
        guard let converted = Target(rawValue: value.rawValue) else {
            throw APIRenderingError(detail: "\(value.rawValue) is not a value of \(Target.self)")
        }
        return converted
    }

    static func account(_ account: Account) throws -> Components.Schemas.Account {
        Components.Schemas.Account(
            id: account.id.rawValue, name: account.name, segment: try choice(account.segment), parentId: account.parentID?.rawValue,
            billingFrequency: try choice(account.billingFrequency), dueDays: account.terms.dueDays,
            collectionStartDays: account.terms.collectionStartDays, specialist: account.specialist, salesperson: account.salesperson,
            serviceManager: account.serviceManager, keyAccount: account.isKeyAccount, hardship: account.hasHardship,
            newClient: account.flags.contains(.newClient), newContractor: account.flags.contains(.newContractor),
            openedOn: account.openedOn?.isoString)
    }

    static func `case`(_ item: Case) throws -> Components.Schemas.Case {
        Components.Schemas.Case(
            caseId: item.id.rawValue, accountId: item.accountID.rawValue, category: try choice(item.category),
            department: try choice(item.department), owner: item.owner, status: try choice(item.status),
            amountOnHold: item.amountOnHold.decimalString, currency: item.amountOnHold.currency.code, openedOn: item.openedOn.isoString,
            slaDue: item.slaDue.isoString, resolvedOn: item.resolvedOn?.isoString, rootCause: item.rootCause,
            resolution: try item.resolution.map { try choice($0) }, correctiveAction: item.correctiveAction,
            invoiceIds: item.invoiceIDs.map(\.rawValue), jobId: item.jobID?.rawValue, notes: item.notes.isEmpty ? nil : item.notes)
    }

    static func invoice(
        _ invoice: Invoice, open: Money, collectionStart: Day, allocations: [Allocation]
    ) -> Components.Schemas.Invoice {
        Components.Schemas.Invoice(
            invoiceId: invoice.id.rawValue, accountId: invoice.accountID.rawValue, issueDate: invoice.issueDate.isoString,
            dueDate: invoice.dueDate.isoString, currency: invoice.currency.code, total: invoice.total.decimalString,
            open: open.decimalString, collectionStart: collectionStart.isoString, jobId: invoice.jobID?.rawValue,
            lines: invoice.lines.map { line in
                .init(amount: line.amount.decimalString, locationId: line.locationID?.rawValue,
                      description: line.description.isEmpty ? nil : line.description)
            },
            allocations: allocations.map { allocation in
                .init(kind: allocation.source.kind, id: allocation.source.rawID, amount: allocation.amount.decimalString,
                      on: allocation.allocatedOn.isoString)
            })
    }

    static func job(_ job: Job) throws -> Components.Schemas.Job {
        Components.Schemas.Job(
            jobId: job.id.rawValue, accountId: job.accountID.rawValue, locationId: job.locationID?.rawValue ?? "",
            kind: try choice(job.kind), department: try choice(job.ownerDepartment), percentComplete: job.percentComplete,
            billedOffOn: job.billedOffOn?.isoString, followUps: try job.followUps.map(followUp))
    }

    static func followUp(_ item: FollowUpItem) throws -> Components.Schemas.FollowUp {
        Components.Schemas.FollowUp(
            followupId: item.id.rawValue, jobId: item.jobID.rawValue, department: try choice(item.department),
            description: item.description, dueOn: item.dueOn.isoString, doneOn: item.completedOn?.isoString)
    }

    static func interaction(_ touch: Interaction) throws -> Components.Schemas.Interaction {
        Components.Schemas.Interaction(
            interactionId: touch.id.rawValue, accountId: touch.accountID.rawValue, invoiceId: touch.invoiceID?.rawValue,
            day: touch.occurredOn.isoString, channel: try choice(touch.channel), purpose: try choice(touch.purpose),
            outcome: try choice(touch.outcome), by: touch.by, notes: touch.notes, jobId: touch.jobID?.rawValue,
            contactId: touch.contactID?.rawValue, nextContactOn: touch.nextContactOn?.isoString, satisfaction: touch.satisfaction)
    }

    static func promise(_ promise: PromiseToPay) -> Components.Schemas.Promise {
        Components.Schemas.Promise(
            promiseId: promise.id.rawValue, accountId: promise.accountID.rawValue, invoiceId: promise.invoiceID?.rawValue,
            amount: promise.amount.decimalString, currency: promise.amount.currency.code, madeOn: promise.madeOn.isoString,
            promisedFor: promise.promisedFor.isoString)
    }

    static func changeRequest(_ change: ChangeRequest) throws -> Components.Schemas.ChangeRequest {
        Components.Schemas.ChangeRequest(
            changeRequestId: change.id.rawValue, accountId: change.accountID.rawValue, locationId: change.locationID?.rawValue,
            kind: try choice(change.kind), service: change.service, description: change.description,
            effectiveOn: change.effectiveOn.isoString, reportedBy: try choice(change.reportedBy), reportedOn: change.reportedOn.isoString,
            appliedOn: change.appliedOn?.isoString)
    }

    static func queueTask(_ task: QueueTask) throws -> Components.Schemas.QueueTask {
        Components.Schemas.QueueTask(
            rule: task.rule, reason: task.reason, accountId: task.accountID.rawValue, invoiceId: task.invoiceID?.rawValue,
            jobId: task.jobID?.rawValue, caseId: task.caseID?.rawValue, atStake: task.atStake.decimalString,
            currency: task.atStake.currency.code, risk: task.risk, priority: task.priority, dueOn: task.dueOn.isoString,
            purpose: try choice(task.purpose), attempts: task.attempts, factors: task.factors.isEmpty ? nil : task.factors)
    }

    static func ledger(_ report: LedgerReport) -> Components.Schemas.Ledger {
        Components.Schemas.Ledger(
            accountId: report.accountID.rawValue, asOf: report.asOf.isoString,
            invoices: report.invoices.map { line in
                .init(invoiceId: line.invoiceID.rawValue, issueDate: line.issueDate.isoString, dueDate: line.dueDate.isoString,
                      currency: line.total.currency.code, total: line.total.decimalString, paid: line.paid.decimalString,
                      open: line.open.decimalString, daysPastDue: line.daysPastDue)
            },
            credits: report.credits.map { credit in
                .init(kind: credit.source.kind, id: credit.source.rawID, day: credit.day.isoString, currency: credit.amount.currency.code,
                      amount: credit.amount.decimalString, unapplied: credit.unapplied.decimalString)
            },
            balances: .init(additionalProperties: Dictionary(
                uniqueKeysWithValues: report.balances.map { ($0.key.code, $0.value.decimalString) })))
    }
}

/// A Core value the API's document cannot express: a bug (the enum test guards it), answered 500.
struct APIRenderingError: Error, CustomStringConvertible {
    var detail: String
    var description: String { detail }
}
