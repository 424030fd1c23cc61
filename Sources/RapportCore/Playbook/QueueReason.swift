/// Why a rule proposes a task, kept as data until the task is shown: only the tasks a queue
/// returns are put into words (`text`).
enum QueueReason: Sendable {
    case checkIn(Job.Kind, billedOff: Day, openItems: Int)
    case largeInvoiceCourtesy(total: Money)
    case newClientCourtesy
    case firstContact(open: Money, collectionStart: Day)
    case contactResumed(Invoice.ID, resolved: Day)
    case collectionFollowUp(open: Money, intervalDays: Int, lastReached: Day)
    case promiseNotKept(amount: Money, promisedFor: Day)
    case casePastSLA(Case.ID, Case.Category, Department, slaDays: Int)
    case keyAccountReview(lastVisit: Day?)
    case contractorCreditReview
    case depositMissing(Job.Kind, Job.ID)
    case installmentMissed(PaymentArrangement.ID, installment: Money, dueOn: Day, behind: Money)
    case callBack(agreedOn: Day, by: String)

    var text: String {
        switch self {
        case .checkIn(let kind, let billedOff, let open):
            "Check in on the \(kind.rawValue) billed off on \(billedOff)"
                + (open > 0 ? " (\(open) follow-up item\(open == 1 ? "" : "s") still open)" : "")
        case .largeInvoiceCourtesy(let total):
            "Courtesy call on a large invoice (\(total.groupedString)) before collections start"
        case .newClientCourtesy:
            "Courtesy call on a new client's first invoice before collections start"
        case .firstContact(let open, let start):
            "First contact: \(open.groupedString) open at the collection start (\(start))"
        case .contactResumed(let invoice, let resolved):
            "Collection contact resumed: the case holding \(invoice) was resolved on \(resolved)"
        case .collectionFollowUp(let open, let interval, let reached):
            "Follow-up: \(open.groupedString) still open \(interval) days after the last contact (\(reached))"
        case .promiseNotKept(let amount, let day):
            "Promise of \(amount.groupedString) for \(day) not kept"
        case .casePastSLA(let id, let category, let department, let days):
            "Case \(id) (\(category.rawValue), \(department.rawValue)) is past its SLA of \(days) days"
        case .keyAccountReview(let last):
            last.map { "Key-account review: last visit \($0)" } ?? "Key-account review: no visit yet"
        case .contractorCreditReview:
            "Credit review for a new contractor: references and industry credit group"
        case .depositMissing(let kind, let job):
            "Deposit missing on a new client's \(kind.rawValue) job \(job)"
        case .installmentMissed(let id, let amount, let due, let behind):
            "Arrangement \(id): installment of \(amount.groupedString) due \(due) not paid (\(behind.groupedString) behind)"
        case .callBack(let agreed, let by):
            "Call back as agreed: on \(agreed) \(by) said the customer would be contacted again on this day"
        }
    }
}
