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

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: String.self)
        accountId = try row.decode(column: "account_id", as: String.self)
        locationId = try row.decode(column: "location_id", as: String?.self)
        kind = try row.decode(column: "kind", as: String.self)
        service = try row.decode(column: "service", as: String.self)
        description = try row.decode(column: "description", as: String.self)
        effectiveOn = try row.decode(column: "effective_on", as: String.self)
        reportedBy = try row.decode(column: "reported_by", as: String.self)
        reportedOn = try row.decode(column: "reported_on", as: String.self)
        appliedOn = try row.decode(column: "applied_on", as: String?.self)
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
