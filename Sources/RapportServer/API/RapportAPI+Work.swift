import RapportApp
import RapportCore

extension RapportAPI {
    func putJob(_ input: Operations.PutJob.Input) async throws -> Operations.PutJob.Output {
        try APICaller.require(.imports)
        guard case .json(let body) = input.body else { throw APIProblem.badRequest("Send the job as JSON.") }
        let created = try await APIRowImport(app: try acting()).write(.jobs, rows: [[
            "job_id": input.path.id, "account_id": body.accountId, "location_id": body.locationId, "kind": body.kind.rawValue,
            "department": body.department.rawValue, "percent_complete": String(body.percentComplete), "billed_off_on": body.billedOffOn,
        ]])
        let json = try APIRendering.job(try await app.followUps.job(Job.ID(input.path.id)))
        return created ? .created(.init(body: .json(json))) : .ok(.init(body: .json(json)))
    }

    func putFollowUp(_ input: Operations.PutFollowUp.Input) async throws -> Operations.PutFollowUp.Output {
        let user = try APICaller.current()
        guard case .json(let body) = input.body else { throw APIProblem.badRequest("Send the follow-up item as JSON.") }
        let id = FollowUpItem.ID(input.path.id)
        let stored = try await app.followUps.find(id)
        guard user.mayWriteFollowUp(storedFor: stored?.department) else {
            throw APIProblem.forbidden(stored == nil
                ? "Only a manager or an admin adds follow-up items."
                : "Only \(stored!.department.rawValue) (or a manager) completes this item.")
        }
        let created = try await APIRowImport(app: try acting()).write(.followups, rows: [[
            "followup_id": input.path.id, "job_id": body.jobId, "department": body.department.rawValue, "description": body.description,
            "due_on": body.dueOn, "done_on": body.doneOn,
        ]])
        let json = try APIRendering.followUp(try await app.followUps.get(id))
        return created && stored == nil ? .created(.init(body: .json(json))) : .ok(.init(body: .json(json)))
    }

    func createInteraction(_ input: Operations.CreateInteraction.Input) async throws -> Operations.CreateInteraction.Output {
        let user = try APICaller.require(.workAccounts)
        guard case .json(let body) = input.body else { throw APIProblem.badRequest("Send the touch as JSON.") }
        let touch = try await acting().interactions.log(.init(
            accountID: Account.ID(body.accountId), invoiceID: body.invoiceId.map { Invoice.ID($0) }, channel: try Self.core(body.channel),
            purpose: try Self.core(body.purpose), outcome: try Self.core(body.outcome), by: user.id.rawValue, notes: body.notes ?? "",
            jobID: body.jobId.map { Job.ID($0) }, contactID: body.contactId.map { Contact.ID($0) },
            nextContactOn: try Self.day(body.nextContactOn, field: "nextContactOn"), satisfaction: body.satisfaction,
            on: try Self.day(body.on, field: "on"), id: body.id))
        return .created(.init(body: .json(try APIRendering.interaction(touch))))
    }

    func getQueue(_ input: Operations.GetQueue.Input) async throws -> Operations.GetQueue.Output {
        let user = try APICaller.require(.ownQueue)
        let specialist = input.query.specialist ?? user.id.rawValue
        guard specialist == user.id.rawValue || user.role.allows(.anyQueue) else {
            throw APIProblem.forbidden("A specialist sees only her own queue.")
        }
        let day = try Self.day(input.query.date, field: "date") ?? app.today
        let tasks: [QueueTask]
        do { tasks = try await app.queue.tasks(specialist: specialist, on: day) } catch AppError.notFound { tasks = [] }
        let paging = try APIPaging(limit: input.query.limit, cursor: input.query.cursor)
        let page = try paging.offsetPage(tasks)
        return .ok(.init(body: .json(.init(
            date: day.isoString, specialist: specialist, tasks: try page.items.map(APIRendering.queueTask), nextCursor: page.nextCursor))))
    }
}
