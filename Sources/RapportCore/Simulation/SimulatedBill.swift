/// A problem that makes a customer hold payment of an invoice until it is put right.
enum SimulatedProblem: Sendable {
    case incompleteInstallation, billingError, billingDetail, unrecordedChange, serviceQuality, hardship

    /// The case category it is opened as.
    var category: Case.Category {
        switch self {
        case .incompleteInstallation: .incompleteInstallation
        case .billingError: .billingError
        case .billingDetail: .billingDetailRequest
        case .unrecordedChange: .unrecordedChange
        case .serviceQuality: .serviceQuality
        case .hardship: .hardship
        }
    }

    /// The root-cause code a resolved case is closed with.
    var rootCause: String {
        switch self {
        case .incompleteInstallation: "INST.PUNCH_LIST_OPEN"
        case .billingError: "BILL.WRONG_AMOUNT"
        case .billingDetail: "BILL.NO_LOCATION_DETAIL"
        case .unrecordedChange: "SALES.CANCEL_NOT_RECORDED"
        case .serviceQuality: "SERV.QUALITY"
        case .hardship: "CUST.FIXED_INCOME"
        }
    }

    /// Hardship does not stop payment: the customer pays what they can, late and in parts.
    var holdsPayment: Bool { self != .hardship }
}

/// An invoice as the simulation tracks it: what is open, what holds it up, when it will be paid.
struct SimulatedBill {
    var invoiceIndex: Int
    var invoiceID: Invoice.ID
    var accountID: Account.ID
    var jobID: Job.ID?
    var customer: Int
    var issue: Day
    var due: Day
    var collectionStart: Day
    var total: Int64
    var open: Int64
    var job: Int?
    var problem: SimulatedProblem?
    /// The problem was raised (a case is open or was resolved).
    var raised = false
    var resolved = false
    /// Bumped whenever the payment plan changes; scheduled payments of older plans are ignored.
    var plan = 0
    var isFirstOfAccount = false
    /// The day the customer would pay if nothing held the bill up and nobody reminded them (a
    /// procrastinator's unreminded day): a fixed problem never brings payment before it.
    var usualPayDay: Day?

    /// The bill's identity for its keyed draws: the customer, the issue day and the job (−1 for a
    /// recurring bill, −2 for a re-billed monthly one) — the same under every policy.
    var drawKey: [Int] { [customer, issue.daysSinceEpoch, job ?? (isRebill ? -2 : -1)] }
    /// A monthly bill issued by a billing-frequency change.
    var isRebill = false

    /// Whether the customer is holding payment.
    var isHeld: Bool { (problem?.holdsPayment ?? false) && !resolved }
}
