/// A touch with a customer: who reached whom, how, why, and what came of it.
public struct Interaction: Hashable, Sendable, Identifiable {
    public typealias ID = Identifier<Interaction>

    /// How the customer was reached.
    public enum Channel: String, CaseIterable, Sendable, Hashable { case call, email, letter, visit }

    /// Why the touch was made.
    public enum Purpose: String, CaseIterable, Sendable, Hashable {
        case checkIn = "check_in"
        case earlyContact = "early_contact"
        case reminder
        case followUp = "follow_up"
        case keyAccountVisit = "key_account_visit"
    }

    /// What came of it.
    public enum Outcome: String, CaseIterable, Sendable, Hashable {
        case satisfied
        case issueFound = "issue_found"
        case promiseToPay = "promise_to_pay"
        case noAnswer = "no_answer"
        case leftMessage = "left_message"
    }

    public var id: ID
    public var accountID: Account.ID
    public var invoiceID: Invoice.ID?
    public var occurredOn: Day
    public var channel: Channel
    public var purpose: Purpose
    public var outcome: Outcome
    /// The user who made the touch.
    public var by: String
    public var notes: String
    /// The job the touch was about (a check-in after an installation).
    public var jobID: Job.ID?
    /// The customer's contact who was reached.
    public var contactID: Contact.ID?
    /// The day the specialist means to contact the customer again.
    public var nextContactOn: Day?
    /// How satisfied the customer said they were, 1 (not at all) to 5 (very), asked on check-ins.
    public var satisfaction: Int?

    /// The fewest and most points of `satisfaction`.
    public static let satisfactionRange = 1...5

    public init(
        id: ID, accountID: Account.ID, invoiceID: Invoice.ID? = nil, occurredOn: Day, channel: Channel,
        purpose: Purpose, outcome: Outcome, by: String, notes: String = "", jobID: Job.ID? = nil, contactID: Contact.ID? = nil,
        nextContactOn: Day? = nil, satisfaction: Int? = nil
    ) {
        self.id = id
        self.accountID = accountID
        self.invoiceID = invoiceID
        self.occurredOn = occurredOn
        self.channel = channel
        self.purpose = purpose
        self.outcome = outcome
        self.by = by
        self.notes = notes
        self.jobID = jobID
        self.contactID = contactID
        self.nextContactOn = nextContactOn
        self.satisfaction = satisfaction
    }
}
