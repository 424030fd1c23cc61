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

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: String.self)
        accountId = try row.decode(column: "account_id", as: String.self)
        locationId = try row.decode(column: "location_id", as: String?.self)
        kind = try row.decode(column: "kind", as: String.self)
        ownerDepartment = try row.decode(column: "owner_department", as: String.self)
        percentComplete = try row.decode(column: "percent_complete", as: Int.self)
        billedOffOn = try row.decode(column: "billed_off_on", as: String?.self)
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

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: String.self)
        jobId = try row.decode(column: "job_id", as: String.self)
        description = try row.decode(column: "description", as: String.self)
        department = try row.decode(column: "department", as: String.self)
        dueOn = try row.decode(column: "due_on", as: String.self)
        completedOn = try row.decode(column: "completed_on", as: String?.self)
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
