import RapportCore
import SQLKit

/// A row of `jobs`, mapped to and from `Job` (without its follow-ups).
struct JobRecord: BulkRow {
    var id: String
    var accountId: String
    var locationId: String?
    var kind: String
    var ownerDepartment: String
    var percentComplete: Int
    var billedOffOn: String?

    static let columns = ["id", "account_id", "location_id", "kind", "owner_department", "percent_complete", "billed_off_on"]

    var sqlValues: [any SQLExpression] {
        [sqlValue(id), sqlValue(accountId), sqlValue(locationId), sqlValue(kind), sqlValue(ownerDepartment),
         sqlValue(percentComplete), sqlValue(billedOffOn)]
    }

    init(_ job: Job) {
        id = job.id.rawValue
        accountId = job.accountID.rawValue
        locationId = job.locationID?.rawValue
        kind = job.kind.rawValue
        ownerDepartment = job.ownerDepartment.rawValue
        percentComplete = job.percentComplete
        billedOffOn = job.billedOffOn?.isoString
    }

    init(row: Cells) throws {
        id = try row.text("id")
        accountId = try row.text("account_id")
        locationId = try row.optionalText("location_id")
        kind = try row.text("kind")
        ownerDepartment = try row.text("owner_department")
        percentComplete = try row.int("percent_complete")
        billedOffOn = try row.optionalText("billed_off_on")
    }

    func toDomain() throws -> Job {
        guard let kind = Job.Kind(rawValue: kind) else { throw CorruptRecord(table: "jobs", id: id, reason: "kind \(kind)") }
        guard let department = Department(rawValue: ownerDepartment) else {
            throw CorruptRecord(table: "jobs", id: id, reason: "owner_department \(ownerDepartment)")
        }
        return Job(
            id: Job.ID(id), accountID: Account.ID(accountId), locationID: locationId.map { Location.ID($0) }, kind: kind,
            ownerDepartment: department, percentComplete: percentComplete,
            billedOffOn: try billedOffOn.map { try Day(iso: $0) })
    }
}

/// A row of `follow_up_items`, mapped to and from `FollowUpItem`.
struct FollowUpRecord: BulkRow {
    var id: String
    var jobId: String
    var description: String
    var department: String
    var dueOn: String
    var completedOn: String?

    static let columns = ["id", "job_id", "description", "department", "due_on", "completed_on"]

    var sqlValues: [any SQLExpression] {
        [sqlValue(id), sqlValue(jobId), sqlValue(description), sqlValue(department), sqlValue(dueOn), sqlValue(completedOn)]
    }

    init(_ item: FollowUpItem) {
        id = item.id.rawValue
        jobId = item.jobID.rawValue
        description = item.description
        department = item.department.rawValue
        dueOn = item.dueOn.isoString
        completedOn = item.completedOn?.isoString
    }

    init(row: Cells) throws {
        id = try row.text("id")
        jobId = try row.text("job_id")
        description = try row.text("description")
        department = try row.text("department")
        dueOn = try row.text("due_on")
        completedOn = try row.optionalText("completed_on")
    }

    func toDomain() throws -> FollowUpItem {
        guard let department = Department(rawValue: department) else {
            throw CorruptRecord(table: "follow_up_items", id: id, reason: "department \(department)")
        }
        return FollowUpItem(
            id: FollowUpItem.ID(id), jobID: Job.ID(jobId), description: description, department: department,
            dueOn: try Day(iso: dueOn), completedOn: try completedOn.map { try Day(iso: $0) })
    }
}
