import RapportCore

/// Add-ons and cancellations any department heard of, open until Billing applies them.
public struct ChangeRequestUseCases: Sendable {
    let env: AppEnvironment

    /// What recording a change request needs.
    public struct NewChangeRequest: Sendable {
        public var accountID: Account.ID
        public var kind: ChangeRequest.Kind
        public var service: String
        public var effectiveOn: Day
        public var reportedBy: Department
        public var locationID: Location.ID?
        public var description: String
        public var reportedOn: Day?
        public var id: String?

        public init(
            accountID: Account.ID, kind: ChangeRequest.Kind, service: String, effectiveOn: Day, reportedBy: Department,
            locationID: Location.ID? = nil, description: String = "", reportedOn: Day? = nil, id: String? = nil
        ) {
            self.accountID = accountID
            self.kind = kind
            self.service = service
            self.effectiveOn = effectiveOn
            self.reportedBy = reportedBy
            self.locationID = locationID
            self.description = description
            self.reportedOn = reportedOn
            self.id = id
        }
    }

    /// The requests, and the invoice lines billed for a service after its cancellation.
    public struct Listing: Sendable {
        public var changeRequests: [ChangeRequest]
        public var flaggedLines: [CancelledServiceBilling.Flag]
    }

    /// Records a request, routed to Billing.
    public func add(_ request: NewChangeRequest) async throws -> ChangeRequest {
        let repositories = env.repositories
        _ = try await env.requireAccount(request.accountID)
        if let location = request.locationID {
            guard let found = try await repositories.locations.fetchLocations([location]).first else {
                throw AppError.notFound("unknown location \(location)")
            }
            if found.accountID != request.accountID { throw AppError.invalid("location \(location) belongs to account \(found.accountID)") }
        }
        let number = try await env.newID(request.id, .changeRequest, noun: "change request") {
            try await repositories.changeRequests.fetchChangeRequest(ChangeRequest.ID($0)) != nil
        }
        let change = ChangeRequest(
            id: ChangeRequest.ID(number), accountID: request.accountID, locationID: request.locationID, kind: request.kind,
            service: request.service, description: request.description, effectiveOn: request.effectiveOn,
            reportedBy: request.reportedBy, reportedOn: env.day(request.reportedOn))
        try await repositories.changeRequests.insertChangeRequest(change)
        try await env.audit.record("change_request.add", entity: "change_request", id: change.id.rawValue, after: AuditEvent.fields([
            "account": change.accountID.rawValue, "location": change.locationID?.rawValue, "kind": change.kind.rawValue,
            "service": change.service, "description": change.description, "effective_on": change.effectiveOn.isoString,
            "reported_by": change.reportedBy.rawValue, "reported_on": change.reportedOn.isoString,
        ]))
        return change
    }

    /// Marks a request applied by Billing on `day` (default today).
    public func apply(_ id: ChangeRequest.ID, on day: Day? = nil) async throws -> ChangeRequest {
        let repository = env.repositories.changeRequests
        guard var change = try await repository.fetchChangeRequest(id) else { throw AppError.notFound("unknown change request \(id)") }
        guard change.isOpen else { throw AppError.conflict("change request \(id) was already applied on \(change.appliedOn!)") }
        let day = env.day(day)
        guard day >= change.reportedOn else { throw AppError.invalid("\(day) is before the change was reported (\(change.reportedOn))") }
        change.appliedOn = day
        try await repository.updateChangeRequest(change)
        try await env.audit.record("change_request.apply", entity: "change_request", id: id.rawValue,
                                   before: AuditEvent.fields(["appliedOn": nil]),
                                   after: AuditEvent.fields(["appliedOn": day.isoString, "account": change.accountID.rawValue]))
        return change
    }

    /// The requests of an account (or all), and the lines billed after a cancellation.
    public func list(account: Account.ID? = nil, openOnly: Bool = false) async throws -> Listing {
        let repository = env.repositories.changeRequests
        let changes = try await repository.fetchChangeRequests(account: account, openOnly: openOnly)
        let cancellations = changes.filter { $0.kind == .cancellation }
        guard let earliest = cancellations.map(\.effectiveOn).min() else { return Listing(changeRequests: changes, flaggedLines: []) }
        let invoices = try await repository.fetchInvoices(accounts: Array(Set(cancellations.map(\.accountID))), issuedAfter: earliest)
        return Listing(changeRequests: changes, flaggedLines: CancelledServiceBilling.flags(changes: cancellations, invoices: invoices))
    }
}

extension AppEnvironment {
    /// Change requests.
    public var changeRequests: ChangeRequestUseCases { ChangeRequestUseCases(env: self) }
}
