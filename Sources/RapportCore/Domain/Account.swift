/// A customer: the unit a specialist is assigned, invoices are billed to and payments come from.
public struct Account: Hashable, Sendable, Identifiable {
    public typealias ID = Identifier<Account>

    /// The kind of customer; each pays differently (government has slow approval cycles).
    public enum Segment: String, CaseIterable, Sendable, Hashable {
        case residential, commercial, government, contractor
    }

    /// How often recurring services are billed.
    public enum BillingFrequency: String, CaseIterable, Sendable, Hashable {
        case monthly, quarterly, annual
    }

    /// Markers that change how the account is treated.
    public enum Flag: String, CaseIterable, Sendable, Hashable, Comparable {
        case keyAccount = "key_account"
        case hardship
        case newClient = "new_client"
        case newContractor = "new_contractor"

        public static func < (lhs: Flag, rhs: Flag) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var id: ID
    public var name: String
    public var segment: Segment
    /// The parent of a multi-location key account's child account.
    public var parentID: ID?
    public var billingFrequency: BillingFrequency
    public var terms: Terms
    /// The client-relations specialist assigned to the account (their user name).
    public var specialist: String?
    /// Our salesperson and service manager for the account (the "who to call" sheet).
    public var salesperson: String?
    public var serviceManager: String?
    public var flags: Set<Flag>
    public var openedOn: Day?

    public init(
        id: ID, name: String, segment: Segment, parentID: ID? = nil,
        billingFrequency: BillingFrequency = .monthly, terms: Terms = .standard,
        specialist: String? = nil, flags: Set<Flag> = [], openedOn: Day? = nil, salesperson: String? = nil,
        serviceManager: String? = nil
    ) {
        self.id = id
        self.name = name
        self.segment = segment
        self.parentID = parentID
        self.billingFrequency = billingFrequency
        self.terms = terms
        self.specialist = specialist
        self.salesperson = salesperson
        self.serviceManager = serviceManager
        self.flags = flags
        self.openedOn = openedOn
    }

    public var isKeyAccount: Bool { flags.contains(.keyAccount) }
    public var hasHardship: Bool { flags.contains(.hardship) }
}
