import RapportCore
import SQLKit

/// A row of `change_requests`, mapped to and from `ChangeRequest`.
struct ChangeRequestRecord: BulkRow {
    var id: String
    var accountId: String
    var locationId: String?
    var kind: String
    var service: String
    var description: String
    var effectiveOn: String
    var reportedBy: String
    var reportedOn: String
    var appliedOn: String?

    static let columns = [
        "id", "account_id", "location_id", "kind", "service", "description", "effective_on", "reported_by", "reported_on",
        "applied_on",
    ]

    var sqlValues: [any SQLExpression] {
        [sqlValue(id), sqlValue(accountId), sqlValue(locationId), sqlValue(kind), sqlValue(service), sqlValue(description),
         sqlValue(effectiveOn), sqlValue(reportedBy), sqlValue(reportedOn), sqlValue(appliedOn)]
    }

    init(_ change: ChangeRequest) {
        id = change.id.rawValue
        accountId = change.accountID.rawValue
        locationId = change.locationID?.rawValue
        kind = change.kind.rawValue
        service = change.service
        description = change.description
        effectiveOn = change.effectiveOn.isoString
        reportedBy = change.reportedBy.rawValue
        reportedOn = change.reportedOn.isoString
        appliedOn = change.appliedOn?.isoString
    }

    init(row: Cells) throws {
        id = try row.text("id")
        accountId = try row.text("account_id")
        locationId = try row.optionalText("location_id")
        kind = try row.text("kind")
        service = try row.text("service")
        description = try row.text("description")
        effectiveOn = try row.text("effective_on")
        reportedBy = try row.text("reported_by")
        reportedOn = try row.text("reported_on")
        appliedOn = try row.optionalText("applied_on")
    }

    func toDomain() throws -> ChangeRequest {
        guard let kind = ChangeRequest.Kind(rawValue: kind), let department = Department(rawValue: reportedBy) else {
            throw CorruptRecord(table: "change_requests", id: id, reason: "kind or reported_by")
        }
        return ChangeRequest(
            id: ChangeRequest.ID(id), accountID: Account.ID(accountId), locationID: locationId.map { Location.ID($0) },
            kind: kind, service: service, description: description, effectiveOn: try Day(iso: effectiveOn),
            reportedBy: department, reportedOn: try Day(iso: reportedOn), appliedOn: try appliedOn.map { try Day(iso: $0) })
    }
}
