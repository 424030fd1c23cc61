/// The life of a case: open → in progress ⇄ waiting on customer → resolved → closed, with reopening.
public enum CaseWorkflow {
    /// The moves the state machine allows.
    public static func canMove(from: Case.Status, to: Case.Status) -> Bool {
        switch (from, to) {
        case (.open, .inProgress), (.inProgress, .waitingOnCustomer), (.waitingOnCustomer, .inProgress),
             (.inProgress, .resolved), (.waitingOnCustomer, .resolved), (.resolved, .closed),
             (.resolved, .inProgress), (.closed, .inProgress):
            true
        default:
            false
        }
    }

    /// Opens a case routed by `routing`, with the SLA of its category.
    public static func open(
        id: Case.ID, accountID: Account.ID, invoiceIDs: [Invoice.ID], category: Case.Category, amountOnHold: Money,
        on day: Day, owner: String? = nil, routing: CaseRouting = .standard, sla: CaseSLA = .standard
    ) -> Case {
        Case(
            id: id, accountID: accountID, invoiceIDs: invoiceIDs, category: category, amountOnHold: amountOnHold,
            department: routing.route(category).department, owner: owner, status: .open, openedOn: day,
            slaDays: sla.days(for: category))
    }

    /// Moves a case to `status` on `day`. Resolving needs a root cause from `taxonomy` and a
    /// resolution; reopening (resolved or closed → in progress) clears the resolution day.
    public static func move(
        _ item: Case, to status: Case.Status, on day: Day, rootCause: String? = nil,
        resolution: CaseResolution? = nil, taxonomy: RootCauseTaxonomy = .standard
    ) throws(CaseError) -> Case {
        guard canMove(from: item.status, to: status) else { throw .invalidTransition(from: item.status, to: status) }
        guard day >= item.openedOn else { throw .dateBeforeOpening(day) }
        var moved = item
        moved.status = status
        switch status {
        case .resolved:
            guard let code = rootCause ?? item.rootCause else { throw .rootCauseRequired }
            guard taxonomy.cause(code) != nil else { throw .unknownRootCause(code) }
            guard let resolution else { throw .resolutionRequired }
            moved.rootCause = code
            moved.resolution = resolution
            moved.resolvedOn = day
        case .inProgress where item.status == .resolved || item.status == .closed:
            moved.resolvedOn = nil
            moved.resolution = nil
        default:
            break
        }
        return moved
    }
}

extension CaseWorkflow {
    /// Routes a case to `department` and/or `owner` on `day`: an open case (or one waiting on the
    /// customer, unless `waiting`) moves to in progress; `waiting` parks it on the customer.
    public static func route(
        _ item: Case, to department: Department?, owner: String?, waiting: Bool, on day: Day
    ) throws(CaseError) -> Case {
        var routed = item
        if let department { routed.department = department }
        if let owner { routed.owner = owner }
        if routed.status == .open || (routed.status == .waitingOnCustomer && !waiting) {
            routed = try move(routed, to: .inProgress, on: day)
        }
        if waiting && routed.status != .waitingOnCustomer {
            routed = try move(routed, to: .waitingOnCustomer, on: day)
        }
        return routed
    }
}

extension CaseWorkflow {
    /// Starts work on a case: open or waiting on the customer → in progress; anything else is refused
    /// (a resolved or closed case is reopened, not started).
    public static func start(_ item: Case, on day: Day) throws(CaseError) -> Case {
        guard item.status == .open || item.status == .waitingOnCustomer else {
            throw .invalidTransition(from: item.status, to: .inProgress)
        }
        return try move(item, to: .inProgress, on: day)
    }

    /// Parks a case in progress on the customer.
    public static func wait(_ item: Case, on day: Day) throws(CaseError) -> Case {
        try move(item, to: .waitingOnCustomer, on: day)
    }

    /// Reopens a resolved or closed case; an active one is refused.
    public static func reopen(_ item: Case, on day: Day) throws(CaseError) -> Case {
        guard item.status == .resolved || item.status == .closed else { throw .invalidTransition(from: item.status, to: .inProgress) }
        return try move(item, to: .inProgress, on: day)
    }
}
