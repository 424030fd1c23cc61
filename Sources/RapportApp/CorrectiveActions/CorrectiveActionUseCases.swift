import RapportCore

/// Corrective actions against root causes, and whether they worked.
public struct CorrectiveActionUseCases: Sendable {
    let env: AppEnvironment

    /// Records an action against `rootCause` (a code of the taxonomy), owned by `department`, due `due`.
    public func add(
        rootCause: String, description: String, department: Department, due: Day, id: String? = nil
    ) async throws -> CorrectiveAction {
        guard RootCauseTaxonomy.standard.cause(rootCause) != nil else { throw AppError.invalid("unknown root cause \(rootCause)") }
        let repository = env.repositories.correctiveActions
        let number = try await env.newID(id, .correctiveAction, noun: "corrective action") {
            try await repository.fetchCorrectiveAction(CorrectiveAction.ID($0)) != nil
        }
        let action = CorrectiveAction(
            id: CorrectiveAction.ID(number), rootCause: rootCause, description: description, ownerDepartment: department, dueOn: due)
        try await repository.insertCorrectiveAction(action)
        return action
    }

    /// Marks an action implemented on `day` (default today).
    public func implement(_ id: CorrectiveAction.ID, on day: Day? = nil) async throws -> CorrectiveAction {
        let repository = env.repositories.correctiveActions
        guard var action = try await repository.fetchCorrectiveAction(id) else { throw AppError.notFound("unknown corrective action \(id)") }
        action.implementedOn = env.day(day)
        try await repository.updateCorrectiveAction(action)
        return action
    }

    /// Every corrective action, implemented or not, soonest due first.
    public func list() async throws -> [CorrectiveAction] {
        try await env.repositories.correctiveActions.fetchCorrectiveActions().sorted { ($0.dueOn, $0.id.rawValue) < ($1.dueOn, $1.id.rawValue) }
    }

    /// Cases and days to pay in the `window` days before and after each implemented action.
    public func effects(window: Int) async throws -> [CorrectiveActionEffect] {
        let repository = env.repositories.correctiveActions
        let actions = try await repository.fetchCorrectiveActions().filter { $0.implementedOn != nil }
        let cases = try await env.repositories.cases.fetchCases(department: nil, status: nil, account: nil)
        let held = try await repository.fetchHeldInvoices(Array(Set(cases.flatMap(\.invoiceIDs))))
        var effects: [CorrectiveActionEffect] = []
        for action in actions {
            let (before, after) = CorrectiveActionEffect.windows(implementedOn: action.implementedOn!, days: window)
            let counts = [before: try await repository.countInvoices(issuedIn: before), after: try await repository.countInvoices(issuedIn: after)]
            if let effect = CorrectiveActionEffect(action: action, cases: cases, held: held, days: window, invoicesIssued: { counts[$0] ?? 0 }) {
                effects.append(effect)
            }
        }
        return effects
    }
}

extension AppEnvironment {
    /// Corrective actions.
    public var correctiveActions: CorrectiveActionUseCases { CorrectiveActionUseCases(env: self) }
}
