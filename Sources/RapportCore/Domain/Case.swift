/// A customer problem that holds up payment or could: routed to a department, resolved, root-caused.
public struct Case: Hashable, Sendable, Identifiable {
    public typealias ID = Identifier<Case>

    /// What kind of problem it is; the category decides the routing and the SLA.
    public enum Category: String, CaseIterable, Sendable, Hashable {
        case incompleteInstallation = "incomplete_installation"
        case billingError = "billing_error"
        case billingDetailRequest = "billing_detail_request"
        case unrecordedChange = "unrecorded_change"
        case serviceQuality = "service_quality"
        case hardship
        case dispute
    }

    /// Where the case is in its life.
    public enum Status: String, CaseIterable, Sendable, Hashable {
        case open
        case inProgress = "in_progress"
        case waitingOnCustomer = "waiting_on_customer"
        case resolved, closed
    }

    public var id: ID
    public var accountID: Account.ID
    /// The invoices whose payment the problem holds up.
    public var invoiceIDs: [Invoice.ID]
    public var category: Category
    public var amountOnHold: Money
    public var department: Department
    /// The user who owns the case in that department.
    public var owner: String?
    public var status: Status
    /// A code from the root-cause taxonomy, set when the cause is known.
    public var rootCause: String?
    public var correctiveAction: String?
    /// How the case was put right, once resolved.
    public var resolution: CaseResolution?
    public var openedOn: Day
    public var resolvedOn: Day?
    public var slaDays: Int
    /// The job whose unfinished work the case is about, if one.
    public var jobID: Job.ID?
    /// What the person who opened the case found, in their words.
    public var notes: String

    public init(
        id: ID, accountID: Account.ID, invoiceIDs: [Invoice.ID] = [], category: Category, amountOnHold: Money,
        department: Department, owner: String? = nil, status: Status = .open, rootCause: String? = nil,
        correctiveAction: String? = nil, resolution: CaseResolution? = nil, openedOn: Day, resolvedOn: Day? = nil,
        slaDays: Int, jobID: Job.ID? = nil, notes: String = ""
    ) {
        self.id = id
        self.accountID = accountID
        self.invoiceIDs = invoiceIDs
        self.category = category
        self.amountOnHold = amountOnHold
        self.department = department
        self.owner = owner
        self.status = status
        self.rootCause = rootCause
        self.correctiveAction = correctiveAction
        self.resolution = resolution
        self.openedOn = openedOn
        self.resolvedOn = resolvedOn
        self.slaDays = slaDays
        self.jobID = jobID
        self.notes = notes
    }
}
