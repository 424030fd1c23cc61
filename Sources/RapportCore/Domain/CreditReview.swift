/// A credit check on a new contractor: references, the industry credit group's view, a decision.
public struct CreditReview: Hashable, Sendable, Identifiable {
    public typealias ID = Identifier<CreditReview>

    /// What was decided.
    public enum Decision: String, CaseIterable, Sendable, Hashable {
        case approved, declined
        case depositRequired = "deposit_required"
    }

    public var id: ID
    public var accountID: Account.ID
    public var reviewedOn: Day
    public var references: [String]
    public var industryCreditGroupNote: String
    public var decision: Decision
    public var creditLimit: Money?

    public init(
        id: ID, accountID: Account.ID, reviewedOn: Day, references: [String], industryCreditGroupNote: String,
        decision: Decision, creditLimit: Money? = nil
    ) {
        self.id = id
        self.accountID = accountID
        self.reviewedOn = reviewedOn
        self.references = references
        self.industryCreditGroupNote = industryCreditGroupNote
        self.decision = decision
        self.creditLimit = creditLimit
    }
}
