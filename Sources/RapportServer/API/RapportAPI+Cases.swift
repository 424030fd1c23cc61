import RapportApp
import RapportCore

extension RapportAPI {
    func listCases(_ input: Operations.ListCases.Input) async throws -> Operations.ListCases.Output {
        let user = try APICaller.current()
        let asked: Department? = try input.query.department.map { try Self.core($0) }
        let (allowed, department) = user.caseListDepartment(asked: asked)
        guard allowed else {
            throw APIProblem.forbidden(user.role.allows(.departmentCases) ? "You see only your department's cases." : "The role \(user.role.rawValue) sees no cases.")
        }
        let status: Case.Status? = try input.query.status.map { try Self.core($0) }
        let paging = try APIPaging(limit: input.query.limit, cursor: input.query.cursor)
        let cases = try await app.cases.list(department: department, status: status).sorted { $0.id < $1.id }
        let page = paging.page(cases) { $0.id.rawValue }
        return .ok(.init(body: .json(.init(cases: try page.items.map(APIRendering.case), nextCursor: page.nextCursor))))
    }

    func getCase(_ input: Operations.GetCase.Input) async throws -> Operations.GetCase.Output {
        let user = try APICaller.current()
        let item = try await app.cases.get(Case.ID(input.path.id))
        guard user.mayRead(item) else {
            throw APIProblem.forbidden("Case \(item.id) belongs to \(item.department.rawValue); you see only your department's cases.")
        }
        return .ok(.init(body: .json(try APIRendering.case(item))))
    }

    func createCase(_ input: Operations.CreateCase.Input) async throws -> Operations.CreateCase.Output {
        try APICaller.require(.workAccounts)
        guard case .json(let body) = input.body else { throw APIProblem.badRequest("Send the case as JSON.") }
        let opened = try await acting().cases.open(.init(
            accountID: Account.ID(body.accountId), category: try Self.core(body.category),
            invoiceIDs: (body.invoiceIds ?? []).map { Invoice.ID($0) }, amount: body.amount, currency: body.currency, owner: body.owner,
            jobID: body.jobId.map { Job.ID($0) }, notes: body.notes ?? "", on: try Self.day(body.on, field: "on"), id: body.id))
        return .created(.init(body: .json(try APIRendering.case(opened))))
    }

    func transitionCase(_ input: Operations.TransitionCase.Input) async throws -> Operations.TransitionCase.Output {
        let user = try APICaller.current()
        guard case .json(let body) = input.body else { throw APIProblem.badRequest("Send the transition as JSON.") }
        let item = try await app.cases.get(Case.ID(input.path.id))
        guard user.mayRead(item) else {
            throw APIProblem.forbidden("Case \(item.id) belongs to \(item.department.rawValue); you see only your department's cases.")
        }
        let action = body.action.rawValue
        guard user.mayMove(caseOf: item.department, action: action) else {
            throw APIProblem.forbidden("Only \(item.department.rawValue) (or a manager) can \(action) this case.")
        }
        let change: CaseUseCases.Change
        switch body.action {
        case .route:
            let department: Department? = try body.department.map { try Self.core($0) }
            guard department != nil || body.owner != nil else {
                throw APIProblem.unprocessable("route needs a department or an owner.", field: "department")
            }
            change = .route(department: department, owner: body.owner, waiting: body.waiting ?? false)
        case .start: change = .start
        case .wait: change = .wait
        case .close: change = .close
        case .reopen: change = .reopen
        case .resolve:
            guard let rootCause = body.rootCause else { throw APIProblem.unprocessable("resolve needs a rootCause.", field: "rootCause") }
            guard RootCauseTaxonomy.standard.cause(rootCause) != nil else {
                throw APIProblem.unprocessable("rootCause \(rootCause) is not in the root-cause taxonomy (docs/workflow.md).", field: "rootCause")
            }
            guard let resolution = body.resolution else { throw APIProblem.unprocessable("resolve needs a resolution.", field: "resolution") }
            change = .resolve(rootCause: rootCause, resolution: try Self.core(resolution), correctiveAction: body.correctiveAction)
        }
        let moved = try await acting().cases.change(item.id, change, on: try Self.day(body.on, field: "on"))
        return .ok(.init(body: .json(try APIRendering.case(moved))))
    }
}
