import RapportCore

/// Cases: customer problems routed to the department that fixes them.
public struct CaseUseCases: Sendable {
    let env: AppEnvironment

    /// What opening a case needs.
    public struct NewCase: Sendable {
        public var accountID: Account.ID
        public var category: Case.Category
        public var invoiceIDs: [Invoice.ID]
        /// Decimal amount on hold (default: what is open on the invoices).
        public var amount: String?
        /// Currency of `amount` (default the invoices', else USD).
        public var currency: String?
        public var owner: String?
        /// The job whose unfinished work the case is about, of the account or its family.
        public var jobID: Job.ID?
        /// What the person opening the case found (at most 4,000 characters).
        public var notes: String
        public var on: Day?
        public var id: String?

        public init(
            accountID: Account.ID, category: Case.Category, invoiceIDs: [Invoice.ID] = [], amount: String? = nil,
            currency: String? = nil, owner: String? = nil, jobID: Job.ID? = nil, notes: String = "", on: Day? = nil, id: String? = nil
        ) {
            self.accountID = accountID
            self.category = category
            self.invoiceIDs = invoiceIDs
            self.amount = amount
            self.currency = currency
            self.owner = owner
            self.jobID = jobID
            self.notes = notes
            self.on = on
            self.id = id
        }
    }

    /// A move of a case through its workflow.
    public enum Change: Sendable {
        /// To a department or owner; an open case moves to in progress, `waiting` parks it on the customer.
        case route(department: Department?, owner: String?, waiting: Bool)
        /// Open or waiting → in progress.
        case start
        /// In progress → waiting on the customer.
        case wait
        case resolve(rootCause: String, resolution: CaseResolution, correctiveAction: String?)
        case close
        case reopen
    }

    /// Opens a case, routed and given its SLA by category.
    public func open(_ request: NewCase) async throws -> Case {
        let repositories = env.repositories
        _ = try await env.requireAccount(request.accountID)
        var stored: [Invoice] = []
        for invoice in request.invoiceIDs { stored.append(try await env.requireInvoice(invoice, of: request.accountID)) }
        if let job = request.jobID { _ = try await env.requireJob(job, ofFamilyOf: request.accountID) }
        let notes = request.notes.trimmingSpaces
        try RequestRules.checkCaseNotes(notes)
        let code = try Currency(request.currency ?? stored.first?.currency.code ?? "USD")
        let onHold: Money
        if let amount = request.amount {
            onHold = try Money.parse(amount, currency: code)
            try RequestRules.checkCaseAmount(onHold)
        } else {
            let open = try await repositories.ledger.openAmounts(of: request.invoiceIDs)
            onHold = try Money.sum(request.invoiceIDs.compactMap { open[$0] }, currency: code)
        }
        let number = try await env.newID(request.id, .case, noun: "case") { try await repositories.cases.fetchCase(Case.ID($0)) != nil }
        var item = CaseWorkflow.open(
            id: Case.ID(number), accountID: request.accountID, invoiceIDs: request.invoiceIDs, category: request.category,
            amountOnHold: onHold, on: env.day(request.on), owner: request.owner)
        item.jobID = request.jobID
        item.notes = notes
        try await repositories.cases.insertCase(item)
        let opened = [Self.fields(item), AuditEvent.fields(["job": item.jobID?.rawValue, "notes": item.notes.isEmpty ? nil : item.notes])]
        try await env.audit.record("case.open", entity: "case", id: item.id.rawValue, after: opened.filter { !$0.isEmpty }.joined(separator: "\n"))
        return item
    }

    /// Applies `change` to the case on `day` (default today) and saves it.
    public func change(_ id: Case.ID, _ change: Change, on day: Day? = nil) async throws -> Case {
        guard let item = try await env.repositories.cases.fetchCase(id) else { throw AppError.notFound("unknown case \(id)") }
        let day = env.day(day)
        let changed: Case
        switch change {
        case .route(let department, let owner, let waiting):
            changed = try CaseWorkflow.route(item, to: department, owner: owner, waiting: waiting, on: day)
        case .resolve(let rootCause, let resolution, let correctiveAction):
            var resolved = try CaseWorkflow.move(item, to: .resolved, on: day, rootCause: rootCause, resolution: resolution)
            if let correctiveAction { resolved.correctiveAction = correctiveAction }
            changed = resolved
        case .start:
            changed = try CaseWorkflow.start(item, on: day)
        case .wait:
            changed = try CaseWorkflow.wait(item, on: day)
        case .close:
            changed = try CaseWorkflow.move(item, to: .closed, on: day)
        case .reopen:
            changed = try CaseWorkflow.reopen(item, on: day)
        }
        try await env.repositories.cases.updateCase(changed)
        try await env.audit.record("case.\(change.name)", entity: "case", id: id.rawValue, before: Self.fields(item), after: Self.fields(changed))
        return changed
    }

    /// Adds a comment to the case's history (the audit log keeps it, append only).
    public func comment(_ id: Case.ID, _ text: String) async throws {
        _ = try await get(id)
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty else { throw InvalidField("comment", "must not be empty") }
        guard trimmed.count <= 4000 else { throw InvalidField("comment", "must be at most 4,000 characters") }
        try await env.audit.record("case.comment", entity: "case", id: id.rawValue, after: AuditEvent.fields(["comment": trimmed]))
    }

    /// The case's history: its opening, every move and comment, oldest first.
    public func history(_ id: Case.ID) async throws -> [AuditEvent] {
        try await env.repositories.audit.fetchAuditEvents(entity: "case", id: id.rawValue)
    }

    /// The cases of a department, a status or an account, oldest first.
    public func list(department: Department? = nil, status: Case.Status? = nil, account: Account.ID? = nil) async throws -> [Case] {
        try await env.repositories.cases.fetchCases(department: department, status: status, account: account)
    }

    /// One case.
    public func get(_ id: Case.ID) async throws -> Case {
        guard let item = try await env.repositories.cases.fetchCase(id) else { throw AppError.notFound("unknown case \(id)") }
        return item
    }

    /// The root causes of the cases resolved in `period`, in `currency`.
    public func rootCauses(_ period: Period, currency: Currency) async throws -> RootCauseReport {
        RootCauseReport(cases: try await env.repositories.cases.fetchCases(resolvedIn: period), period: period, currency: currency)
    }
}

extension CaseUseCases {
    /// The audited fields of a case.
    static func fields(_ item: Case) -> String {
        AuditEvent.fields([
            "status": item.status.rawValue, "department": item.department.rawValue, "owner": item.owner,
            "amountOnHold": item.amountOnHold.description, "rootCause": item.rootCause,
            "resolution": item.resolution?.rawValue, "correctiveAction": item.correctiveAction,
        ])
    }
}

extension CaseUseCases.Change {
    /// The change's name in the audit log.
    var name: String {
        switch self {
        case .route: "route"
        case .start: "start"
        case .wait: "wait"
        case .resolve: "resolve"
        case .close: "close"
        case .reopen: "reopen"
        }
    }
}

extension AppEnvironment {
    /// Opening, moving and listing cases.
    public var cases: CaseUseCases { CaseUseCases(env: self) }
}
