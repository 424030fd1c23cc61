/// A coded root cause: why the problem happened, so it can be fixed at the source.
public struct RootCause: Hashable, Sendable, Comparable {
    /// A stable code such as "INST.PUNCH_LIST_OPEN".
    public let code: String
    public let description: String
    /// The department whose process the cause points at.
    public let department: Department

    public init(code: String, description: String, department: Department) {
        self.code = code
        self.description = description
        self.department = department
    }

    public static func < (lhs: RootCause, rhs: RootCause) -> Bool { lhs.code < rhs.code }
}

/// The coded root-cause taxonomy cases are closed against.
public struct RootCauseTaxonomy: Hashable, Sendable {
    public let causes: [String: RootCause]

    public init(_ causes: [RootCause]) {
        self.causes = Dictionary(causes.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The cause with `code`, or nil if the taxonomy has none.
    public func cause(_ code: String) -> RootCause? { causes[code] }

    /// The causes the case study names or implies.
    public static let standard = RootCauseTaxonomy([
        RootCause(code: "INST.PUNCH_LIST_OPEN", description: "Billed off with punch-list items still open", department: .installation),
        RootCause(code: "INST.NO_WALKTHROUGH", description: "No walkthrough or sign-off with the customer", department: .installation),
        RootCause(code: "BILL.WRONG_AMOUNT", description: "Invoice amount or rate wrong", department: .billing),
        RootCause(code: "BILL.NO_LOCATION_DETAIL", description: "Invoice lacks the per-location detail the customer needs", department: .billing),
        RootCause(code: "BILL.MISSING_PO", description: "Purchase order or reference missing", department: .billing),
        RootCause(code: "SALES.ADDON_NOT_RECORDED", description: "Add-on told to Sales never reached Billing", department: .sales),
        RootCause(code: "SALES.CANCEL_NOT_RECORDED", description: "Cancellation told to Sales never reached Billing", department: .sales),
        RootCause(code: "SERV.QUALITY", description: "Service visit or response below expectation", department: .service),
        RootCause(code: "CUST.FIXED_INCOME", description: "Customer on a fixed income cannot pay an annual bill", department: .clientRelations),
        RootCause(code: "CUST.APPROVAL_CYCLE", description: "Customer's approval cycle (government, large account)", department: .clientRelations),
        RootCause(code: "OTHER.DISPUTE", description: "Disagreement about what was agreed", department: .customerCare),
    ])
}
