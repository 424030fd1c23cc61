import RapportApp
import RapportCore

extension RapportAPI {
    func createPromise(_ input: Operations.CreatePromise.Input) async throws -> Operations.CreatePromise.Output {
        try APICaller.require(.workAccounts)
        guard case .json(let body) = input.body else { throw APIProblem.badRequest("Send the promise as JSON.") }
        let promise = try await acting().promises.add(
            account: Account.ID(body.accountId), amount: body.amount, currency: body.currency,
            promisedFor: try Self.day(body.promisedFor, field: "promisedFor"), invoice: body.invoiceId.map { Invoice.ID($0) },
            madeOn: try Self.day(body.madeOn, field: "madeOn"), id: body.id)
        return .created(.init(body: .json(APIRendering.promise(promise))))
    }

    func createChangeRequest(_ input: Operations.CreateChangeRequest.Input) async throws -> Operations.CreateChangeRequest.Output {
        try APICaller.require(.workAccounts)
        guard case .json(let body) = input.body else { throw APIProblem.badRequest("Send the change request as JSON.") }
        let change = try await acting().changeRequests.add(.init(
            accountID: Account.ID(body.accountId), kind: try Self.core(body.kind), service: body.service,
            effectiveOn: try Self.day(body.effectiveOn, field: "effectiveOn"), reportedBy: try Self.core(body.reportedBy),
            locationID: body.locationId.map { Location.ID($0) }, description: body.description ?? "",
            reportedOn: try Self.day(body.reportedOn, field: "reportedOn"), id: body.id))
        return .created(.init(body: .json(try APIRendering.changeRequest(change))))
    }

    func applyChangeRequest(_ input: Operations.ApplyChangeRequest.Input) async throws -> Operations.ApplyChangeRequest.Output {
        let user = try APICaller.current()
        guard user.mayAct(onDepartment: .billing) else { throw APIProblem.forbidden("Only Billing (or a manager) applies change requests.") }
        var on: Day?
        if case .json(let body)? = input.body { on = try Self.day(body.on, field: "on") }
        let change = try await acting().changeRequests.apply(ChangeRequest.ID(input.path.id), on: on)
        return .ok(.init(body: .json(try APIRendering.changeRequest(change))))
    }
}
